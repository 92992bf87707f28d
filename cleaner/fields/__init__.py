"""The record's fields: finding them (names, dates, titles) and deciding them (``resolve``).

Steps in ``cleaner/steps/`` find evidence in the blocks; the helpers here know what a name, a
date or a page title looks like; ``resolve.resolve_fields`` is the one place where each field
is decided, in one documented order.
"""
