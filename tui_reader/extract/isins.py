"""Whether a word is an ISIN: the country code and the check digit decide."""

from __future__ import annotations

from functools import lru_cache


def is_isin(text: str) -> bool:
    """python-stdnum's check (country code and check digit), behind our own check digit
    test: stdnum costs ~10 µs a call, and most ISIN-shaped words in text are not ISINs."""
    return len(text) == 12 and text.isalnum() and text.isascii() and _luhn_ok(text) and _stdnum_isin(text)


_AS_DIGITS = str.maketrans({chr(c): str(c - 55) for c in range(ord("A"), ord("Z") + 1)})
_DOUBLED_DIGIT_SUM = {str(d): (2 * d) // 10 + (2 * d) % 10 for d in range(10)}


def _luhn_ok(text: str) -> bool:
    """The ISIN check digit: letters as 10–35, then the Luhn sum over all digits."""
    digits = text.upper().translate(_AS_DIGITS)
    if not digits.isdigit():
        return False
    total = sum(map(int, digits[-1::-2])) + sum(map(_DOUBLED_DIGIT_SUM.__getitem__, digits[-2::-2]))
    return total % 10 == 0


@lru_cache(maxsize=4096)
def _stdnum_isin(text: str) -> bool:
    """Imported on first use: stdnum.util pulls in ssl and pydoc, ~20 ms that start-up
    should not pay. Cached (bounded): articles repeat the same few ISINs."""
    from stdnum import isin

    return bool(isin.is_valid(text))
