"""Front doors: turn an input into blocks (and hints from markup) for the one pipeline.

Text dumps are split into paragraphs (``cleaner.blocks.split_text``); HTML goes through
``cleaner.readers.html``.
"""
