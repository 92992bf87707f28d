"""Maintainers' tools behind ``cleaner-rules``: explain, check, new-site, goldens, coverage,
import-ftr. Each command is one module; ``cli.py`` only wires options to them."""
