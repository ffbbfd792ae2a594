"""Source templates: how a provider's per-instrument feed URL is built, kept as data.

Traders think in instruments, not feed URLs, so `tui-reader follow AAPL` turns each
enabled template into one `[[feeds]]` table for the instrument. The built-in templates
below are written into the default config (`[templates.NAME]`), where the user can
switch one off (`enabled = false`), change it or add their own; a config table
overrides the built-in of the same name key by key, so `enabled = false` alone is
enough. Placeholders are checked when the config loads: a typo such as `{symbl}`
would otherwise build a wrong URL for every instrument followed later.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote

from tui_reader.model import Instrument

PLACEHOLDERS = ("symbol", "isin", "cik", "name", "lang")


@dataclass(frozen=True, slots=True)
class SourceTemplate:
    name: str
    """The key under `[templates]`; `[[feeds]] template = NAME` ties a followed feed to it."""
    url: str
    title: str = "{name}"
    """The feed's title in the reader (placeholders allowed)."""
    enabled: bool = True
    applies: tuple[str, ...] = ()
    """Markets whose listings it serves (`US`, `DE`, `HK`, ... see `listing_market`);
    empty: every listing."""
    needs_contact: bool = False
    """Sends the config's `sec_contact` in the User-Agent (the SEC refuses anonymous
    clients); without a contact its feeds are not polled."""
    full_text: bool = True
    """Whether its summary-only items get their page's text (config `full_text`): not
    for filings, whose links lead to document indexes."""


BUILTIN_TEMPLATES: tuple[SourceTemplate, ...] = (
    SourceTemplate("yahoo", "https://feeds.finance.yahoo.com/rss/2.0/headline?s={symbol}&region=US&lang=en-US",
                   "Yahoo Finance: {symbol}"),
    SourceTemplate("nasdaq", "https://www.nasdaq.com/feed/rssoutbound?symbol={symbol}", "Nasdaq: {symbol}",
                   applies=("US",)),
    # EDGAR's company browser takes a CIK, and answers for a US ticker in that field too.
    SourceTemplate("sec", "https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK={cik}&type=&dateb="
                   "&owner=include&count=40&output=atom", "SEC filings: {symbol}", applies=("US",), needs_contact=True,
                   full_text=False),
    SourceTemplate("google-news", "https://news.google.com/rss/search?q={name}&hl={lang}", "Google News: {name} ({symbol})"),
)

# Yahoo symbol suffix → (market, the language of its news). No suffix: a US listing.
_MARKETS: dict[str, tuple[str, str]] = {
    "": ("US", "en"), "DE": ("DE", "de"), "F": ("DE", "de"), "BE": ("DE", "de"), "DU": ("DE", "de"),
    "HM": ("DE", "de"), "HA": ("DE", "de"), "MU": ("DE", "de"), "SG": ("DE", "de"), "VI": ("AT", "de"),
    "SW": ("CH", "de"), "PA": ("FR", "fr"), "AS": ("NL", "nl"), "BR": ("BE", "fr"), "MI": ("IT", "it"),
    "MC": ("ES", "es"), "LS": ("PT", "pt"), "L": ("GB", "en"), "IR": ("IE", "en"), "ST": ("SE", "sv"),
    "CO": ("DK", "da"), "OL": ("NO", "no"), "HE": ("FI", "fi"), "HK": ("HK", "zh-HK"), "T": ("JP", "ja"),
    "KS": ("KR", "ko"), "KQ": ("KR", "ko"), "TW": ("TW", "zh-TW"), "SS": ("CN", "zh-CN"), "SZ": ("CN", "zh-CN"),
    "TO": ("CA", "en"), "V": ("CA", "en"), "AX": ("AU", "en"), "NZ": ("NZ", "en"), "SA": ("BR", "pt"),
    "MX": ("MX", "es"), "NS": ("IN", "en"), "BO": ("IN", "en"), "SI": ("SG", "en"), "JO": ("ZA", "en"),
}


def listing_market(symbol: str) -> tuple[str, str]:
    """(market, language) of a Yahoo symbol: `SAP.DE` → ("DE", "de"), `AAPL` → ("US", "en").
    An unknown suffix is its own market, in English."""
    base, _, suffix = symbol.upper().rpartition(".")
    if not base:  # no dot at all
        suffix = ""
    return _MARKETS.get(suffix, (suffix, "en"))


@dataclass(frozen=True, slots=True)
class Followed:
    """What a template needs of an instrument: its listing and the issuer's CIK if known."""

    instrument: Instrument
    cik: str | None = None

    @property
    def symbol(self) -> str:
        return self.instrument.ticker or self.instrument.isin or ""

    def values(self) -> dict[str, str | None]:
        market, lang = listing_market(self.instrument.ticker or "")
        cik = self.cik or (self.instrument.ticker if market == "US" else None)
        return {"symbol": self.instrument.ticker, "isin": self.instrument.isin, "cik": cik,
                "name": self.instrument.name or self.instrument.ticker, "lang": lang}


def expand(template: SourceTemplate, followed: Followed) -> tuple[str, str] | None:
    """(url, title) of the template for this instrument; None when it does not apply
    (another market, or a placeholder the instrument has no value for)."""
    if template.applies and listing_market(followed.instrument.ticker or "")[0] not in template.applies:
        return None
    values = followed.values()
    if any(values.get(name) is None for name in placeholders(template.url)):
        return None
    url = template.url.format_map({k: quote(v, safe="") for k, v in values.items() if v is not None})
    title = template.title.format_map({k: v for k, v in values.items() if v is not None} | _Blank())
    return url, title


class _Blank(dict[str, str]):
    """A title placeholder without a value stays empty instead of failing."""

    def __missing__(self, key: str) -> str:
        return ""


def placeholders(text: str) -> list[str]:
    """The `{name}` fields of a template string; raises ValueError for a malformed one."""
    return [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]


class TemplateProblem(Exception):
    """A template setting that cannot be used: which key and why (config.py adds the line)."""

    def __init__(self, name: str, key: str, message: str) -> None:
        super().__init__(message)
        self.name = name
        self.key = key
        self.message = message


def read_templates(tables: Mapping[str, object]) -> dict[str, SourceTemplate]:
    """The built-ins overlaid with the config's `[templates.NAME]` tables, key by key.

    Raises `TemplateProblem` naming the table and key, so the config can point at the line.
    """
    templates = {t.name: t for t in BUILTIN_TEMPLATES}
    for name, table in tables.items():
        if not isinstance(table, dict):
            raise TemplateProblem(name, "url", "expected a [templates.NAME] table")
        unknown = set(table) - {"url", "title", "enabled", "applies", "needs_contact", "full_text"}
        if unknown:
            raise TemplateProblem(name, min(unknown),
                                  "unknown setting (known: url, title, enabled, applies, needs_contact, full_text)")
        base = templates.get(name)
        if base is None and "url" not in table:
            raise TemplateProblem(name, "url", "missing url (a new template needs one)")
        fields: dict[str, object] = {}
        for key, kind in (("url", str), ("title", str), ("enabled", bool), ("needs_contact", bool), ("full_text", bool)):
            if key in table:
                if not isinstance(table[key], kind):
                    raise TemplateProblem(name, key, f"expected {'a string' if kind is str else 'true or false'}")
                fields[key] = table[key]
        if "applies" in table:
            applies = table["applies"]
            if not isinstance(applies, list) or not all(isinstance(m, str) for m in applies):
                raise TemplateProblem(name, "applies", 'expected a list of markets such as ["US", "DE"]')
            fields["applies"] = tuple(m.strip().upper() for m in applies)
        for key in ("url", "title"):
            if key in fields:
                _check_placeholders(name, key, str(fields[key]))
        url = str(fields.get("url", base.url if base else ""))
        if not url.startswith(("http://", "https://")):
            raise TemplateProblem(name, "url", f"expected an http(s) URL, got {url!r}")
        templates[name] = SourceTemplate(
            name, url, str(fields.get("title", base.title if base else "{name}")),
            bool(fields.get("enabled", True)), tuple(fields.get("applies", base.applies if base else ())),  # type: ignore[arg-type]
            bool(fields.get("needs_contact", base.needs_contact if base else False)),
            bool(fields.get("full_text", base.full_text if base else True)),
        )
    return templates


def _check_placeholders(name: str, key: str, text: str) -> None:
    try:
        used = placeholders(text)
    except ValueError as exc:
        raise TemplateProblem(name, key, f"malformed placeholder ({exc})") from None
    for field_name in used:
        if field_name not in PLACEHOLDERS:
            known = ", ".join("{" + p + "}" for p in PLACEHOLDERS)
            raise TemplateProblem(name, key, f"unknown placeholder {{{field_name}}} (known: {known})")


def default_config_section() -> str:
    """The built-in templates as the default config writes them, for the user to edit."""
    lines = [
        "",
        "# Per-instrument sources: `tui-reader follow AAPL` subscribes one feed per enabled",
        "# template below. Placeholders: {symbol} {isin} {cik} {name} {lang} (URL-encoded).",
        "# `applies` limits a template to listings of these markets; `enabled = false` switches",
        "# it off (its feeds are then not polled); add your own [templates.NAME] tables.",
    ]
    for template in BUILTIN_TEMPLATES:
        lines += ["", f"[templates.{template.name}]", f'url = "{template.url}"', f'title = "{template.title}"',
                  "enabled = true"]
        if template.applies:
            lines.append("applies = [" + ", ".join(f'"{m}"' for m in template.applies) + "]")
        if template.needs_contact:
            lines.append("needs_contact = true   # sends sec_contact (above) in the User-Agent")
        if not template.full_text:
            lines.append("full_text = false      # its links lead to document indexes, not articles")
    return "\n".join(lines) + "\n"
