"""`create_app`: the one way to build the app, shared by the CLI, Pilot and snapshot tests."""

from __future__ import annotations

from tui_reader import locations
from tui_reader.app.app import TuiReaderApp
from tui_reader.app.data import Library
from tui_reader.app.options import AppOptions
from tui_reader.app.themes import load_theme_files
from tui_reader.config_default import DEFAULT_THEME


def create_app(options: AppOptions) -> TuiReaderApp:
    """Read the config, open the store and build the app; the caller closes `app.library.store`.

    Raises `ConfigError` for a broken config file: the CLI prints it as one line.
    """
    from tui_reader.config import effective_seed_dirs, load_config, seed_folder_names
    from tui_reader.sources.feeds import FeedSource
    from tui_reader.store import Store

    config = load_config(options.config)
    seed_dirs = effective_seed_dirs(config, options.seed_dirs)
    offline = options.offline or config.offline
    theme_dirs = options.theme_dirs if options.theme_dirs is not None else [locations.bundled_themes(), locations.user_themes()]
    themes, problems = load_theme_files(theme_dirs)
    feeds = [FeedSource.from_config(f, config.interval_minutes) for f in config.feeds]
    store = Store.open(options.db)
    app = TuiReaderApp(
        Library(store, seed_dirs, offline, seed_folder_names(config.seed_names), config.searches, options.clock),
        config,
        feeds=feeds,
        themes=themes,
        theme_problems=problems,
        theme=options.theme or config.theme or DEFAULT_THEME,
        poll=options.poll,
        poll_interval=options.poll_interval or 60.0,
        seed_scan_interval=options.seed_scan_interval,
        watchlist=[*config.watchlist, *options.watchlist],
        delays=options.delays,
    )
    return app
