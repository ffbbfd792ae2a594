"""A non-editable install must carry the sample seeds, their prices and the themes."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_wheel_bundles_seeds_prices_and_themes(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(tmp_path)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    repo_seeds = [p for p in (ROOT / "seeds").glob("*") if p.is_file() and not p.name.startswith(".")]
    assert repo_seeds, "no bundled seed files in the repository"
    for seed in repo_seeds:
        assert f"tui_reader/seeds/{seed.name}" in names
    assert any(n.startswith("tui_reader/seeds/prices/") and n.endswith(".csv") for n in names)
    assert any(n.startswith("tui_reader/themes/") and n.endswith(".toml") for n in names)
    assert "tui_reader/cli/__init__.py" in names
