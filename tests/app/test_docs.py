"""The README's commands and the contract stay true to the code (issue 10, item 10)."""

from __future__ import annotations

import re

from tests.app.conftest import REPO
from tui_reader.cli import build_parser

QUICK_START = "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/tui-reader"
TEST_COMMAND = "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/python -m pytest"


def _sh_blocks(text: str) -> list[str]:
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", text, re.S)]


def test_the_readme_commands_use_a_virtual_environment_and_ci_runs_the_test_one() -> None:
    blocks = _sh_blocks((REPO / "README.md").read_text(encoding="utf-8"))
    assert QUICK_START in blocks and TEST_COMMAND in blocks
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert ci[-1] == TEST_COMMAND


def test_the_contract_names_every_command_and_option() -> None:
    contract = (REPO / "docs" / "CONTRACT.md").read_text(encoding="utf-8")
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices  # argparse keeps them there
    for name, sub in commands.items():
        assert f"`tui-reader {name}" in contract, name
        for action in sub._actions:
            for option in action.option_strings:
                if option.startswith("--") and option != "--help":
                    assert option in contract, (name, option)
    for action in parser._actions:
        for option in action.option_strings:
            if option.startswith("--") and option != "--help":
                assert f"tui-reader {option}" in contract, option
