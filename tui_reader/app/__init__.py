"""The Textual UI. Only this package imports Textual; see ARCHITECTURE.md."""

from tui_reader.app.app import TuiReaderApp
from tui_reader.app.factory import create_app
from tui_reader.app.options import AppOptions

__all__ = ["AppOptions", "TuiReaderApp", "create_app"]
