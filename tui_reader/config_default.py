"""The commented config a first run writes: a file that explains itself.

Every setting is listed with what it does and its default, most of them commented
out, so a new user edits rather than looks up; the per-instrument templates come from
`templates.default_config_section`, which also knows the built-ins' URLs.
"""

from __future__ import annotations

from tui_reader.templates import default_config_section

__all__ = ["DEFAULT_CONFIG", "DEFAULT_INTERVAL_MINUTES", "DEFAULT_MARK_READ_AFTER", "DEFAULT_THEME"]

DEFAULT_INTERVAL_MINUTES = 15
# Amber on black, as on the trading terminals this app is measured against; bundled in themes/.
DEFAULT_THEME = "terminal-amber"
# Long enough that holding `j` flies past articles without marking them, short enough
# that an article glanced at counts (mail readers with a preview pane wait 1-5 s).
DEFAULT_MARK_READ_AFTER = 1.0

DEFAULT_CONFIG = f"""\
# tui-reader configuration. Lines starting with # are comments.
# Mistakes are reported with their line number when tui-reader starts.

# Minutes between two polls of a feed (a feed below may set its own `interval`).
interval = {DEFAULT_INTERVAL_MINUTES}

# Read the sample articles that ship with tui-reader.
bundled_seeds = true

# More folders of seed articles to read and watch. Relative paths are relative to
# this file's folder; ~ is your home folder.
seeds = []
# seeds = ["~/market-notes"]

# Tickers (Yahoo Finance symbols) and ISINs to keep at the top of the list.
watchlist = []
# watchlist = ["BABA", "SAP.DE", "US0378331005"]

# A built-in Textual theme or one from the themes folder next to this file.
theme = "{DEFAULT_THEME}"

# The article list's order: "time" (newest first), "move", "ticker" or "source"; O in
# the app steps through them and writes the last one here.
sort = "time"

# true: never use the network (seeds, cached prices and price CSVs only).
offline = false

# Fetch the article page of feed items that carry only a teaser, and read the whole
# article: "followed" for feeds about an instrument (those of `tui-reader follow`),
# "all" for every feed, "off" never.
full_text = "followed"

# Your e-mail address: the SEC asks for a contact before it serves its list of US
# companies, which tui-reader then downloads once a week to file more news.
# sec_contact = "you@example.com"

# Seconds an article must stay in the article pane before it counts as read
# (0: as soon as it is shown; false: only when you press m).
mark_read_after = {DEFAULT_MARK_READ_AFTER}

# Alerts for new articles about the watchlist (or matching a search with alert = true):
# ring the terminal bell, and run a program with the title, ticker and link appended
# (never through a shell).
# alert_bell = true
# notify_command = ["notify-send", "tui-reader"]

# Saved searches in the query language (docs/QUERIES.md), listed under the watchlist;
# W in the app saves the current filter here.
# [searches]
# big-deals = "money>=50bn currency:USD"
# [searches.falls]
# query = "pct<=-5 unread"
# alert = true

# Names for seed folders, shown in the Source column and matched by source:NAME.
# (The bundled samples are "tui-reader samples" unless named here.)
# [seed_names]
# "~/market-notes" = "My notes"

# Change key bindings: binding id = "keys" (comma-separated). The help screen lists the ids.
[keymap]
# refresh = "ctrl+r"

# One [[feeds]] table per RSS/Atom feed; `tui-reader import-opml FILE` adds more.
# [[feeds]]
# url = "https://example.com/markets/rss"
# title = "Example markets"   # optional: the feed's own title is used otherwise
# interval = 30                # optional: minutes, overrides `interval` above
# tags = ["markets"]           # optional
# instruments = ["AAPL", "DE0007164600"]  # optional: tickers/ISINs every item is filed under
# template = "yahoo"           # set by `tui-reader follow`: the [templates.NAME] it came from
""" + default_config_section()
