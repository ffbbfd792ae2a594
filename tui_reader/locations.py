"""Every path the app reads or writes, in one place.

The bundled seeds and themes sit at the repository root in a checkout and inside the
package in a wheel (pyproject's force-include), so both layouts are looked up here.
`TUI_READER_HOME` points config, data and cache at one folder: tests and scripts use
it to keep away from the user's real files.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "tui-reader"
_PACKAGE = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    inside = _PACKAGE / name
    return inside if inside.is_dir() else _PACKAGE.parent / name


def bundled_seeds() -> Path:
    """The sample seed articles (and their `prices/` CSVs): the embedded default."""
    return _bundled("seeds")


def bundled_themes() -> Path:
    return _bundled("themes")


def _home() -> Path | None:
    home = os.environ.get("TUI_READER_HOME")
    return Path(home) if home else None


def config_dir() -> Path:
    if home := _home():
        return home / "config"
    from platformdirs import user_config_path

    return user_config_path(APP_NAME)


def data_dir() -> Path:
    if home := _home():
        return home / "data"
    from platformdirs import user_data_path

    return user_data_path(APP_NAME)


def cache_dir() -> Path:
    if home := _home():
        return home / "cache"
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME)


def config_file() -> Path:
    return config_dir() / "config.toml"


def default_db() -> Path:
    return data_dir() / "articles.sqlite3"


def user_themes() -> Path:
    return config_dir() / "themes"
