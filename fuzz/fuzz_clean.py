"""Coverage-guided fuzzing of ``cleaner.clean`` with atheris (libFuzzer for Python).

    pip install -e '.[fuzz]'
    python fuzz/fuzz_clean.py fuzz/corpus -max_total_time=600     # fuzz for ten minutes
    python fuzz/fuzz_clean.py fuzz/crash-<hash>                      # replay one crash

The corpus starts from seeds/ (copied on the first run). Any exception that escapes
``clean()``, or a record that is not JSON, is a crash: turn each into a regression test in
tests/test_hostile.py.
"""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def seed_corpus(folder: Path) -> None:
    """Copy seeds/ into an empty corpus folder."""
    if folder.exists() and any(folder.iterdir()):
        return
    folder.mkdir(parents=True, exist_ok=True)
    for seed in (HERE.parent / "seeds").iterdir():
        if seed.is_file():
            shutil.copy(seed, folder / seed.name)


def main() -> None:
    import atheris

    with atheris.instrument_imports():
        from cleaner import Cleaner, Settings

    cleaner = Cleaner(Settings(max_seconds=10))

    def one_input(data: bytes) -> None:
        provider = atheris.FuzzedDataProvider(data)
        as_text = provider.ConsumeBool()
        payload = provider.ConsumeUnicodeNoSurrogates(len(data)) if as_text else provider.ConsumeBytes(len(data))
        record = cleaner.clean(payload)
        json.dumps(record.to_dict())
        if record.error is not None and record.error.type == "internal":
            raise RuntimeError(f"internal error: {record.error.message}")

    corpus = [a for a in sys.argv[1:] if not a.startswith("-")]
    if corpus and not Path(corpus[0]).is_file():
        seed_corpus(Path(corpus[0]))
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
