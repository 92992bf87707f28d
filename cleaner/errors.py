"""Exceptions that carry a reason; each becomes an ``error`` record, never a bare ``None``."""
from __future__ import annotations


class InputError(Exception):
    """An input that cannot be cleaned: ``type`` is the machine reason, the message the human one.

    >>> InputError("empty", "the input is empty").type
    'empty'
    """

    def __init__(self, type_: str, message: str):
        super().__init__(message)
        self.type = type_
        self.message = message


class RulePackError(Exception):
    """A rule pack that cannot be used; the message names the file, the rule and the field."""

    def __init__(self, path: str, message: str, rule: str | None = None, field: str | None = None):
        where = path + (f": rule {rule!r}" if rule else "") + (f": field {field!r}" if field else "")
        super().__init__(f"{where}: {message}")
        self.path = path
        self.rule = rule
        self.field = field
        self.reason = message
