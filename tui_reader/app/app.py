"""The Textual application: themes, key map, background polling and app-wide actions.

The reading itself lives in `screens/main.py`. This module owns what outlives a
screen: the store (through `Library`), the poll schedule, the per-source errors and
the offline switch. Feed polls and seed scans run in thread workers and report each
source as it finishes, so the list fills while slow feeds are still loading.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from tui_reader.app.alerting import AlertsFound, notifications
from tui_reader.app.commands import InstrumentCommands
from tui_reader.app.data import Library
from tui_reader.app.follow_commands import FollowCommands
from tui_reader.app.links import SAFE_SCHEMES, can_open_browser
from tui_reader.app.messages import FollowingChanged, PollFinished, PollStarted, SourceDone
from tui_reader.app.options import Delays
from tui_reader.app.reader import PollState
from tui_reader.app.safe_text import clean
from tui_reader.app.screens.errors import ErrorsScreen
from tui_reader.app.screens.help import HelpScreen, Sections, checked_keymap
from tui_reader.app.screens.main import MainScreen
from tui_reader.app.themes import APP_VARIABLES, ThemeProblem
from tui_reader.app.widgets.article_list import ArticleList
from tui_reader.app.widgets.article_view import ArticleView
from tui_reader.app.widgets.instrument_list import InstrumentList
from tui_reader.config_default import DEFAULT_THEME

if TYPE_CHECKING:
    from textual.theme import Theme

    from tui_reader.alerts import Alert
    from tui_reader.config import Config
    from tui_reader.sources.feeds import FeedSource, SourceResult
    from tui_reader.sources.poll import SeedWatcher
    from tui_reader.store import SourceState


class TuiReaderApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "tui-reader"
    COMMANDS = App.COMMANDS | {InstrumentCommands, FollowCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("question_mark,f1", "help", "Help", id="help", tooltip="Every key, generated from the bindings"),
        Binding("t", "change_theme", "Theme", id="theme"),
    ]

    def __init__(
        self,
        library: Library,
        config: Config,
        *,
        feeds: list[FeedSource],
        themes: list[Theme],
        theme_problems: list[ThemeProblem],
        theme: str,
        poll: bool,
        poll_interval: float,
        seed_scan_interval: float,
        watchlist: list[str],
        delays: Delays | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        self.config = config
        self.feeds = feeds
        self.poll_enabled = poll
        self.poll_interval = poll_interval
        self.seed_scan_interval = seed_scan_interval
        self.watchlist = watchlist
        self.delays = delays or Delays()
        self.keymap: dict[str, str] = dict(config.keymap)
        """The user's remapped keys (binding id → keys): the help screen shows them."""
        self.poll_state = PollState()
        self._theme_problems = theme_problems
        self._wanted_theme = theme
        self._watcher: SeedWatcher | None = None
        self._last_failure: str | None = None
        self._notify_problem: str | None = None
        """The notify command's last failure, said once."""
        self._scan_lock = threading.Lock()
        self._alert_lock = threading.Lock()
        self._config_lock = threading.Lock()
        self._unsaved: dict[str, str] = {}
        """Settings chosen in the app and not yet written to the config."""
        self._alerted_through = 0
        """The newest row whose alerts were raised (see `_after_new`)."""
        for item in themes:
            self.register_theme(item)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return dict(APP_VARIABLES)

    @property
    def main(self) -> MainScreen:
        return next(s for s in self.screen_stack if isinstance(s, MainScreen))

    def on_mount(self) -> None:
        self._apply_theme(self._wanted_theme)
        # From here on a theme change is the user's choice: the config keeps it.
        self.theme_changed_signal.subscribe(self, lambda theme: self.remember("theme", theme.name))
        if self._theme_problems:
            names = "; ".join(str(p) for p in self._theme_problems)
            self.notify(f"Themes not loaded: {names}", title="Bad theme files", severity="warning", timeout=10, markup=False)
        if self.keymap:
            self.keymap, problems = checked_keymap(self.binding_sections(), self.keymap)
            if problems:
                self.notify("; ".join(problems), title="Key map not applied in full", severity="warning",
                            timeout=12, markup=False)
            self.set_keymap(self.keymap)
        self.push_screen(MainScreen(self, self.library, self.watchlist, mark_read_after=self.config.mark_read_after,
                                    delays=self.delays))
        if self.poll_enabled:
            self.call_after_refresh(self._start_polling)

    def _apply_theme(self, name: str) -> None:
        if name in self.available_themes:
            self.theme = name
            return
        fallback = DEFAULT_THEME if DEFAULT_THEME in self.available_themes else "textual-dark"
        self.theme = fallback
        self.notify(f"Unknown theme {name!r}; using {fallback}.", severity="warning", timeout=6, markup=False)

    def remember(self, key: str, value: str) -> None:
        """A setting chosen in the app (`theme`, `sort`) into the config file, kept for
        the next start; written in a worker."""
        self._unsaved[key] = value
        self._write_setting(key)

    @work(thread=True, exit_on_error=False, group="config")
    def _write_setting(self, key: str) -> None:
        from tui_reader.config import ConfigError, remember_setting

        with self._config_lock:  # one edit of the file at a time: a theme and a sort may race
            # Workers may run out of order: each writes the newest choice, once.
            value = self._unsaved.pop(key, None)
            if value is None:
                return
            try:
                remember_setting(self.config.path, key, value)
            except (ConfigError, OSError) as exc:
                self.call_from_thread(self.notify, f"The {key} is not saved to the config: {exc}",
                                      severity="warning", timeout=6, markup=False)

    # -- polling -------------------------------------------------------------------------

    def _start_polling(self) -> None:
        self.scan_seeds()
        self.set_interval(self.seed_scan_interval, self.scan_seeds)
        if self.feeds and not self.library.offline:
            self.poll_feeds(honour_schedule=False)
            self.set_interval(self.poll_interval, lambda: self.poll_feeds(honour_schedule=True))

    def poll_now(self) -> None:
        """`r`: re-read the seed folders and, online, every feed."""
        self.scan_seeds()
        if self.feeds and not self.library.offline:
            self.poll_feeds(honour_schedule=False)
        elif self.library.offline:
            self.notify("Offline: seed folders re-read; feeds are not polled.", timeout=3)

    @work(thread=True, exit_on_error=False, group="scan")
    def scan_seeds(self) -> None:
        from tui_reader.sources.poll import SeedWatcher

        # The timer fires every couple of seconds; a first scan (which reads every file)
        # may take longer. One scan at a time; a skipped tick is caught up by the next.
        if not self._scan_lock.acquire(blocking=False):
            return
        try:
            if self._watcher is None:
                self._watcher = SeedWatcher(self.library.seed_dirs, self.library.store)
            before = self.library.store.newest_n()
            results = self._watcher.check()
        finally:
            self._scan_lock.release()
        if results:
            self._report(results, scan=True)
            self._after_new(before)

    @work(thread=True, exclusive=True, exit_on_error=False, group="poll")
    def poll_feeds(self, *, honour_schedule: bool) -> None:
        from tui_reader.sources.poll import poll_all

        self.main.post_message(PollStarted(len(self.feeds)))
        before = self.library.store.newest_n()
        results = poll_all(self.feeds, [], self.library.store, self._source_done, honour_schedule=honour_schedule)
        self._report(results, scan=False)
        self._fill_full_texts()
        self._after_new(before)
        from tui_reader.sources.upkeep import online_upkeep

        online_upkeep(self.library.store, self.config.sec_contact)  # SEC list when due, tickers for ISINs

    def _fill_full_texts(self) -> None:
        """In the poll thread: the pages of summary-only items of the feeds `full_text`
        names (read from the file: the palette may have followed more since start)."""
        from tui_reader.config import ConfigError, load_config
        from tui_reader.sources.fulltext import fill_full_texts, page_feeds

        try:
            keys = page_feeds(load_config(self.config.path))
        except ConfigError:
            return  # the file went bad since start: the poll keeps to what it had
        if keys and fill_full_texts(self.library.store, keys).fetched:
            self.call_from_thread(self.main.reload, keep_cursor=True)

    def _after_new(self, before: int) -> None:
        """In the poll or scan thread, for the articles stored after row `before`: the
        alerts they raise, then their moves since publication (so `move<` sees them;
        after the alerts, as a first run may have thousands to compute)."""
        from datetime import date

        from tui_reader.alerts import alerts_for

        # A seed scan and a feed poll may run at once (at start-up they do): each would
        # see the other's new rows after its own `before`. Rows alerted once are not again.
        with self._alert_lock:
            after = max(before, self._alerted_through)
            upto = self.library.store.newest_n()
            self._alerted_through = max(self._alerted_through, upto)
        new = self.library.store.articles_after(after, limit=1000, upto=upto)
        if not new:
            return
        alerts = alerts_for(new, self.watchlist, self.library.searches, date.today())
        if alerts:
            self.post_message(AlertsFound(alerts))
        self.library.refresh_moves()

    def on_following_changed(self, message: FollowingChanged) -> None:
        self.poll_state.keep_sources(self._source_keys())
        self.main.status = self.main.status.evolve(errors=tuple(self.poll_state.errors.values()))
        self.main.reload(keep_cursor=True)
        self.main.refresh_quotes()
        if message.new_feeds and not self.library.offline:
            self.poll_feeds(honour_schedule=True)

    def deliver_screenshot(self, filename: str | None = None, path: str | None = None,
                           time_format: str | None = None) -> str | None:
        """The palette's screenshot goes where `S` saves articles, made if missing:
        Textual's default, the downloads folder, may not exist (a server, a container)."""
        from tui_reader.app.links import saved_folder

        folder = Path(path) if path else saved_folder()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.notify(f"Screenshot not saved: {exc}", severity="error", markup=False)
            return None
        return super().deliver_screenshot(filename, str(folder), time_format)

    def on_alerts_found(self, message: AlertsFound) -> None:
        for title, text in notifications(message.alerts):
            self.notify(text, title=title, timeout=8, markup=False)
        if self.config.alert_bell:
            self.bell()
        if self.config.notify_command:
            self._run_notify_command(message.alerts)

    @work(thread=True, exit_on_error=False, group="notify")
    def _run_notify_command(self, alerts: list[Alert]) -> None:
        """The configured program once per alert, never through a shell; a failure is
        said once (a broken script must not raise a notification per article)."""
        from tui_reader.alerts import notify

        for alert in alerts:
            problem = notify(self.config.notify_command, alert)
            if problem is not None:
                if problem != self._notify_problem:
                    self._notify_problem = problem
                    self.call_from_thread(self.notify, problem, title="notify_command", severity="warning",
                                          timeout=8, markup=False)
                return

    def _source_done(self, result: SourceResult) -> None:
        """Called in the poll thread as each feed finishes."""
        self.main.post_message(SourceDone(result.key, result.title, result.status, result.new, result.error))

    def _report(self, results: list[SourceResult], *, scan: bool) -> None:
        """Called in a worker thread. The bookkeeping runs on the UI thread, which reads
        it for the status line and `e`, and where following changes it: a dict changed by
        one thread while another loops over it fails."""
        states = None if scan else {state.key: state for state in self.library.store.source_states()}
        self.call_from_thread(self._apply_report, results, scan, states)

    def _apply_report(self, results: list[SourceResult], scan: bool, states: dict[str, SourceState] | None) -> None:
        errors: list[tuple[str, str]] = []
        keys = self._source_keys()
        for result in results:
            if result.key not in keys:
                continue  # a feed unfollowed while this poll ran: gone, and so are its errors
            if result.status == "error":
                errors.append((result.title, result.error or "failed"))
                self.poll_state.errors[result.key] = errors[-1]
            else:
                self.poll_state.errors.pop(result.key, None)
            for skipped in result.skipped:
                self.poll_state.skipped[skipped.where] = skipped.reason
        self.poll_state.keep_sources(keys)
        if states is not None:
            self._still_failing({result.key for result in results}, states)
        self.main.post_message(PollFinished(sum(r.new for r in results), errors, scan=scan))

    def _still_failing(self, reported: set[str], states: dict[str, SourceState]) -> None:
        """A feed this poll skipped as not due (backing off after failures) is still
        failing: its stored error counts, so a feed unfollowed and followed again is not
        shown as fine until its next try. Counted, not notified again."""
        for feed in self.feeds:
            state = states.get(feed.url)
            if feed.url not in reported and state is not None and state.failures and state.last_error:
                self.poll_state.errors.setdefault(feed.url, (feed.title or state.title or feed.url, state.last_error))

    def _source_keys(self) -> set[str]:
        """The keys the configured sources report under (`SourceResult.key`)."""
        from tui_reader.sources.poll import seed_key

        return {feed.url for feed in self.feeds} | {seed_key(folder) for folder in self.library.seed_dirs}

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one place a failed worker becomes a message for the user."""
        if event.state is WorkerState.ERROR:
            error = event.worker.error
            message = f"{event.worker.group}: {error}"
            if self._last_failure == message:
                return  # a periodic scan failing the same way: said once is enough
            self._last_failure = message
            self.notify(message, title="Something went wrong", severity="error", timeout=8, markup=False)

    # -- app-wide actions ----------------------------------------------------------------

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.binding_sections(), self.keymap))

    def binding_sections(self) -> Sections:
        """The help screen's sections: whose bindings it lists, in order."""
        return [("Everywhere", type(self)), ("Reading", MainScreen), ("Article list", ArticleList),
                ("Instruments", InstrumentList), ("Article", ArticleView)]

    def show_errors(self) -> None:
        self.push_screen(ErrorsScreen(dict(self.poll_state.errors), dict(self.poll_state.skipped),
                                      dict(self.main.status.unquoted)))

    def open_article_link(self, url: str | None) -> None:
        """`o`: only http(s) links reach the browser; anything else is refused and named.
        Where no browser can be opened (SSH, no display) the link is copied instead."""
        if not url:
            self.notify("This article has no link.", timeout=3)
        elif not url.lower().startswith(SAFE_SCHEMES):
            self.notify("Refusing to open a link that is not http or https.", severity="warning", timeout=5)
        elif can_open_browser():
            self.open_url(url)
        else:
            self.copy_to_clipboard(url)
            self.notify("No browser can be opened here (SSH or no display): the link is copied to the clipboard "
                        "(OSC 52; your terminal must allow it).", timeout=6)

    def copy_article_link(self, url: str | None) -> None:
        """`y`: the link to the clipboard through the terminal (OSC 52), browser or not."""
        if not url:
            self.notify("This article has no link.", timeout=3)
            return
        self.copy_to_clipboard(clean(url, single_line=True))
        self.notify("Link copied to the clipboard (OSC 52; your terminal must allow it).", timeout=4)

    def action_toggle_offline(self) -> None:
        offline = not self.library.offline
        self.library.set_offline(offline)
        self.main.status = self.main.status.evolve(offline=offline, live_prices=None)
        self.notify("Offline: seeds, cached prices and CSVs only." if offline else "Online: feeds and Yahoo prices.", timeout=3)
        if not offline and self.poll_enabled and self.feeds:
            self.poll_feeds(honour_schedule=False)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Refresh now", "Re-read the seed folders and poll every feed", self.poll_now)
        yield SystemCommand(
            "Go online" if self.library.offline else "Go offline",
            "Switch between the network and seeds/cached prices only",
            self.action_toggle_offline,
        )
        yield SystemCommand("Source errors", "Feeds and seed files that failed", self.show_errors)
        if isinstance(screen, MainScreen):
            yield SystemCommand("Calendar", "Coming dates the stored articles state (c)", screen.action_calendar)
            yield SystemCommand("Save the filter as a search", "Name the / filter; it goes to the config's searches (W)",
                                screen.action_save_search)
