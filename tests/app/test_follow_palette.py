"""Following from the command palette: the typed symbol resolves, the config gains the
watchlist entry and the template feeds (its comments kept), the app's feed list and
watchlist follow, and the same command unfollows; "Go to" hits still rank first."""

from __future__ import annotations

from textual.command import CommandList

from tests.app.conftest import settle, until
from tui_reader.config import load_config


async def _run_palette(pilot, typed: str, wanted: str) -> None:  # noqa: ANN001 - textual.pilot.Pilot
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*("space" if c == " " else c for c in typed))
    app = pilot.app
    await until(pilot, lambda: any(wanted in str(o.prompt) for o in app.screen.query_one(CommandList).options))
    options = app.screen.query_one(CommandList)
    index = next(i for i, o in enumerate(options.options) if wanted in str(o.prompt))
    options.highlighted = index
    await pilot.press("enter")
    await settle(pilot)


async def test_follow_and_unfollow_from_the_palette(make_app, config_file) -> None:
    config_file.write_text("# my settings\n" + config_file.read_text())
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await _run_palette(pilot, "Follow MSFT", "Follow MSFT")  # the verb typed as the hit reads
        config = load_config(config_file)
        assert "MSFT" in config.watchlist and config_file.read_text().startswith("# my settings\n")
        followed = {f.template for f in config.feeds if f.instruments == ["MSFT"]}
        assert followed == {"yahoo", "nasdaq", "google-news"}  # SEC waits for sec_contact
        assert {f.url for f in app.feeds} == {f.url for f in config.feeds}
        assert "MSFT" in app.watchlist
        assert any("Following MSFT" in n.message and "sec_contact" in n.message for n in app._notifications)

        await _run_palette(pilot, "Microsoft", "Unfollow MSFT")
        config = load_config(config_file)
        assert "MSFT" not in config.watchlist and not [f for f in config.feeds if f.template]
        assert not app.feeds and "MSFT" not in app.watchlist

        # With MSFT's SEC feed waiting for sec_contact, following a German listing (no
        # SEC template) says nothing of it: the toast repeated that paragraph.
        await _run_palette(pilot, "Follow MSFT", "Follow MSFT")
        app._notifications.clear()
        await _run_palette(pilot, "Follow SAP.DE", "Follow SAP.DE")
        toasts = [n.message for n in app._notifications if "Following SAP.DE" in n.message]
        assert toasts and not any("sec_contact" in t for t in toasts), toasts


async def test_go_to_still_ranks_first(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"NVDA")
        await until(pilot, lambda: any("Follow" in str(o.prompt) or "Unfollow" in str(o.prompt)
                                       for o in app.screen.query_one(CommandList).options))
        prompts = [str(o.prompt) for o in app.screen.query_one(CommandList).options]
        assert prompts[0].startswith("Go to NVDA")
        assert any(p.startswith("Unfollow NVDA") for p in prompts)  # on the test config's watchlist


async def test_a_typed_verb_never_does_the_opposite(make_app, config_file) -> None:
    """"Follow NVDA" for a followed NVDA offered only "Unfollow NVDA", so a reflex
    Enter unfollowed it: a verb that contradicts the instrument's state gets a hit that
    only says so."""
    before = config_file.read_text()
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        for typed, state, opposite in (("Follow NVDA", "NVDA (Nvidia) is followed already", "Unfollow NVDA"),
                                       ("unfollow MSFT", "MSFT (Microsoft) is not followed", "Follow MSFT")):
            await _run_palette(pilot, typed, state)
            assert config_file.read_text() == before and "NVDA" in app.watchlist and "MSFT" not in app.watchlist
            said = typed.split(" ")[1] + (" is followed already." if "already" in state else " is not followed.")
            assert any(n.message.startswith(said) for n in app._notifications)
            await pilot.press("ctrl+p")
            await pilot.pause()
            await pilot.press(*("space" if c == " " else c for c in typed))
            await until(pilot, lambda state=state: any(state in str(o.prompt) for o in app.screen.query_one(CommandList).options))
            assert not any(opposite in str(o.prompt) for o in app.screen.query_one(CommandList).options)
            await pilot.press("escape")
            await settle(pilot)
