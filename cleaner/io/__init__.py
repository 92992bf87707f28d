"""Ingestion: where documents come from (``sources``), where records go (``sinks``), and
how many processes clean them (``workers``). ``cleaner/cli.py`` wires them together."""
