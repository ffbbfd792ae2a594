"""Issue 11 in the app: `f` on an instrument (or a watchlist entry) follows it, and on a
followed one unfollows it; the config keeps its comments, the app's feeds and
watchlist follow, and an instrument the directory cannot follow is said so."""

from __future__ import annotations

from pathlib import Path

from tests.app.conftest import settle, until
from tui_reader.app.widgets.instrument_list import InstrumentList
from tui_reader.config import load_config


async def _follow_key_on(pilot, option_id: str) -> None:  # noqa: ANN001 - textual.pilot.Pilot
    instruments = pilot.app.screen.query_one(InstrumentList)
    instruments.focus()
    instruments.highlighted = instruments.get_option_index(option_id)
    await settle(pilot)
    await pilot.press("f")
    await settle(pilot)


async def test_f_follows_and_unfollows_the_highlighted_instrument(make_app, config_file: Path) -> None:
    config_file.write_text("# mine\n" + config_file.read_text())
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await _follow_key_on(pilot, "inst:DE0007164600")  # SAP, by its ISIN in the pane
        await until(pilot, lambda: "SAP.DE" in app.watchlist)
        config = load_config(config_file)
        assert "SAP.DE" in config.watchlist and config_file.read_text().startswith("# mine\n")
        assert {f.template for f in config.feeds if f.instruments == ["SAP.DE"]} >= {"yahoo", "google-news"}
        assert {f.url for f in app.feeds} == {f.url for f in config.feeds}
        # Now on the watchlist: the pane shows it there, and f there unfollows it.
        await until(pilot, lambda: any(o.id == "watch:SAP.DE" for o in app.screen.query_one(InstrumentList).options))
        await _follow_key_on(pilot, "watch:SAP.DE")
        await until(pilot, lambda: "SAP.DE" not in app.watchlist)
        config = load_config(config_file)
        assert "SAP.DE" not in config.watchlist and not [f for f in config.feeds if f.template]
        # A watchlist entry given by ISIN unfollows too.
        await _follow_key_on(pilot, "watch:US01609W1027")
        await until(pilot, lambda: "US01609W1027" not in app.watchlist)
        assert "US01609W1027" not in load_config(config_file).watchlist


async def test_f_on_a_view_or_an_unknown_instrument_says_what_to_do(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await _follow_key_on(pilot, "all")
        await until(pilot, lambda: any("Highlight an instrument" in n.message for n in app._notifications))
        await _follow_key_on(pilot, "inst:ZZZW")  # a ticker the directory does not know
        await until(pilot, lambda: any("Cannot follow ZZZW" in n.message for n in app._notifications))
        assert "ZZZW" not in app.watchlist
