"""decode_text: every encoding a seed file turns up in, and the bytes that are not text."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui_reader.sources import decode
from tui_reader.sources.decode import NotText, decode_text, sanitize, strip_controls

TEXT = "Nordlicht’s, Offshore\nMüller AG: 1.234,5 Mio. €"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # carries its BOM
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom", "cp1252"],
)
def test_encodings_decode_to_the_same_text(data: bytes) -> None:
    assert decode_text(data) == TEXT


def test_latin1_bytes_that_cp1252_leaves_undefined_still_decode() -> None:
    # 0x81 is undefined in cp1252 and 0x8d, 0x9d too: Latin-1 takes them (as C1
    # controls, which are then removed).
    assert decode_text(b"Caf\xe9 \x81ok") == "Café ok"


def test_cp1252_apostrophe_0x92_becomes_typographic() -> None:
    assert decode_text(b"Nordlicht\x92s shares") == "Nordlicht’s shares"


def test_line_endings_become_lf() -> None:
    assert decode_text(b"a\r\nb\rc\n") == "a\nb\nc\n"


def test_layout_nbsp_becomes_space_but_digit_grouping_stays() -> None:
    text = decode_text("Revenue\u00a0rose to 1\u202f234 units,\u00a0\u00a0up".encode())
    assert text == "Revenue rose to 1\u202f234 units,  up"


def test_terminal_escapes_and_controls_are_removed() -> None:
    hostile = "Title\x1b[31m red\x1b[0m\x1b]0;owned\x07 \x1b]8;;http://x\x1b\\link\x9b2J end\u202e"
    assert decode_text(hostile.encode()) == "Title red link end"


def test_unterminated_osc_does_not_eat_the_next_escape() -> None:
    assert sanitize("a\x1b]0;title b\x1b[1mc") == "ac"


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", "\u00a0\n".encode(), b"\x1b[0m\n"])
def test_empty_or_blank_is_not_text(data: bytes) -> None:
    with pytest.raises(NotText, match="empty file"):
        decode_text(data)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"Bud1\x00\x00\x00\x01",
        codecs.BOM_UTF8 + b"text\x00more",
        bytes(range(1, 32)) * 10 + b"some words",
    ],
    ids=["png", "ds-store", "bom-then-nul", "control-soup"],
)
def test_binary_is_not_text(data: bytes) -> None:
    with pytest.raises(NotText, match="binary file"):
        decode_text(data)


def test_a_stray_control_character_in_long_text_is_just_removed() -> None:
    text = "word " * 100 + "\x07" + "more"
    assert decode_text(text.encode()) == "word " * 100 + "more"


@given(st.text(alphabet=st.characters(codec=None)) | st.text(alphabet="ab \n\t\r\x1b[]31m;\x07\x9b\x9d\x9c\u200e\u202e\ufeff\u00a0"))
def test_strip_controls_fast_path_changes_nothing_the_scan_would_not(text: str) -> None:
    # The full path also makes lone surrogates U+FFFD (see the next test).
    expected = decode._CONTROLS.sub("", decode._strip_escapes(decode._without_surrogate(text)))
    assert strip_controls(text) == expected


@given(st.text(alphabet=st.characters(exclude_categories=())))
def test_cleaned_text_always_encodes_as_utf8(text: str) -> None:
    """Surrogates included: whatever went in, what comes out can be stored and printed."""
    for cleaned in (sanitize(text), strip_controls(text)):
        cleaned.encode("utf-8")
    assert "\ud800" not in strip_controls("a\ud800b") and "\ufffd" in strip_controls("a\ud800b")


def test_load_json_replaces_lone_surrogates_and_keeps_pairs() -> None:
    value = decode.load_json('{"t\\udc00": ["x\\ud800y", "\\ud83d\\ude00", {"k": "\\uDBFF"}], "n": 1}')
    assert value == {"t\ufffd": ["x\ufffdy", "\U0001f600", {"k": "\ufffd"}], "n": 1}
    assert decode.load_json('["\\\\ud800"]') == ["\\ud800"]  # an escaped backslash, not an escape
