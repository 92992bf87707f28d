"""Shared fixtures and the ``--update-goldens`` flag."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def command(name: str) -> str:
    """An installed console script: next to this interpreter (a venv that is not activated, as
    in CI), else on PATH."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else (shutil.which(name) or name)


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true", default=False,
                     help="rewrite golden/<id>.json from the current output (then review the diff!)")


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def cleaner_default():
    from cleaner import Cleaner, Settings

    return Cleaner(Settings())
