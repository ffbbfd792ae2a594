"""Themes as data: TOML files from the bundled `themes/` folder and the user's config.

Every colour is parsed with `Color.parse` before the theme is registered, so a typo in
a user's file costs that one theme (named in a single notification) instead of
breaking the stylesheet at start-up.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from textual.color import Color, ColorParseError
from textual.theme import Theme

APP_VARIABLES: dict[str, str] = {
    "price-up": "#3fb950",
    "price-down": "#f85149",
    "figure-highlight": "#e3b341",
    "instrument-highlight": "#58a6ff",
    "chart-line": "#58a6ff",
    "chart-marker": "#e3b341",
}
"""Defaults for the app's own theme variables; a theme may override any of them."""

_COLOUR_FIELDS = ("primary", "secondary", "accent", "background", "surface", "panel",
                  "foreground", "success", "warning", "error", "boost")


@dataclass(frozen=True, slots=True)
class ThemeProblem:
    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path.name}: {self.reason}"


def theme_from_mapping(data: dict[str, object]) -> Theme:
    """Build a `Theme` from one parsed TOML file; ValueError says what is wrong."""
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValueError("missing 'name'")
    if "primary" not in data:
        raise ValueError("missing 'primary'")
    colours: dict[str, str] = {}
    for key in _COLOUR_FIELDS:
        if key not in data:
            continue
        value = data[key]
        if not isinstance(value, str):
            raise ValueError(f"{key} must be a colour string")
        _check_colour(key, value)
        colours[key] = value
    variables = data.get("variables", {})
    if not isinstance(variables, dict):
        raise ValueError("'variables' must be a table")
    for key, value in variables.items():
        if not isinstance(value, str):
            raise ValueError(f"variables.{key} must be a string")
        if key in APP_VARIABLES:
            _check_colour(f"variables.{key}", value)
    unknown = set(data) - {*_COLOUR_FIELDS, "name", "dark", "variables"}
    if unknown:
        raise ValueError(f"unknown key {sorted(unknown)[0]!r}")
    dark = data.get("dark", True)
    if not isinstance(dark, bool):
        raise ValueError("'dark' must be true or false")
    # Each colour by name: Theme's other fields are floats and bools a str must not reach.
    return Theme(
        name=name.strip(), primary=colours["primary"], secondary=colours.get("secondary"),
        accent=colours.get("accent"), background=colours.get("background"), surface=colours.get("surface"),
        panel=colours.get("panel"), foreground=colours.get("foreground"), success=colours.get("success"),
        warning=colours.get("warning"), error=colours.get("error"), boost=colours.get("boost"),
        dark=dark, variables=dict(variables),
    )


def _check_colour(key: str, value: str) -> None:
    try:
        Color.parse(value)
    except ColorParseError:
        raise ValueError(f"{key} = {value!r} is not a colour") from None


def load_theme_files(folders: Iterable[Path]) -> tuple[list[Theme], list[ThemeProblem]]:
    """Every `*.toml` in the folders, in name order; later folders override earlier ones."""
    themes: dict[str, Theme] = {}
    problems: list[ThemeProblem] = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            try:
                theme = theme_from_mapping(tomllib.loads(path.read_text(encoding="utf-8")))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, ValueError) as exc:
                problems.append(ThemeProblem(path, str(exc) or type(exc).__name__))
                continue
            themes[theme.name] = theme
    return list(themes.values()), problems
