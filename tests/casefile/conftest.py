"""Fixtures for the case-file tests; the sample data lives in casefile_samples.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from casefile_samples import build_sample

from headway_journal.casefile import CaseFileData


@pytest.fixture
def sample_data(tmp_path: Path) -> CaseFileData:
    return build_sample(tmp_path / "sample")


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder
