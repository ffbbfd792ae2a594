"""The Textual UI. Only this package imports Textual; see ARCHITECTURE.md.

Nothing is imported here: `tui_reader.app.data` (the UI's Textual-free data layer) and
the others are imported by name, so importing one of them does not start Textual.
The app is `tui_reader.app.factory.create_app` / `tui_reader.app.app.TuiReaderApp`.
"""
