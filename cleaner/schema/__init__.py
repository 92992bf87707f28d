"""The JSON schemas of cleaner's data files (rule packs, vocabularies, the HTML decision), and
the one reader of a YAML data file that validates it against its schema."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator

from ..errors import RulePackError

FOLDER = Path(__file__).resolve().parent


def validated_yaml(path: Path, schema: str, what: str) -> Any:
    """The data of the YAML file ``path``, checked against ``schema`` (a file of this folder);
    a file that cannot be read, or breaks the schema, raises ``RulePackError`` naming it and
    the first place that breaks it (``what`` names the file's kind in the message).

    >>> import tempfile, pathlib
    >>> bad = pathlib.Path(tempfile.mkdtemp()) / "decision.yaml"
    >>> _ = bad.write_text("decision: {region_share: {value: 2, why: too much of it, neighbours: [0.9]}}")
    >>> try:
    ...     validated_yaml(bad, "decision.schema.json", "decision")
    ... except RulePackError as exc:
    ...     print(exc.reason)
    'region_up' is a required property (at decision)
    """
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise RulePackError(str(path), f"cannot read the {what}: {exc}".replace("\n", " ")) from None
    validator = Draft202012Validator(json.loads((FOLDER / schema).read_text(encoding="utf-8")))
    error = next(iter(sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))), None)
    if error is not None:
        where = "/".join(map(str, error.absolute_path))
        raise RulePackError(str(path), f"{error.message}" + (f" (at {where})" if where else ""))
    return data
