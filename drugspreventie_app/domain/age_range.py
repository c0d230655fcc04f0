"""An age range chosen in a filter ('13-15' or one age): parsing and overlap with the ages an
intervention or a guideline band is meant for."""

from __future__ import annotations

import re
from dataclasses import dataclass

AGE_MIN = 0
AGE_MAX = 120
_RANGE = re.compile(r"^\s*(\d{1,3})\s*(?:(?:-|–|tot(?:\s+en\s+met)?|t/m)\s*(\d{1,3}))?\s*$")


class AgeRangeError(ValueError):
    """A Dutch message saying what is wrong with a typed age range."""


@dataclass(frozen=True)
class AgeRange:
    """Both ends included: AgeRange(13, 15) are 13-, 14- and 15-year-olds."""

    van: int
    tot: int

    def __post_init__(self) -> None:
        if not (AGE_MIN <= self.van <= AGE_MAX and AGE_MIN <= self.tot <= AGE_MAX):
            raise AgeRangeError(f"Een leeftijd ligt tussen {AGE_MIN} en {AGE_MAX} jaar.")
        if self.van > self.tot:
            raise AgeRangeError(f"De leeftijd 'van' ({self.van}) is hoger dan 'tot' ({self.tot}).")

    @classmethod
    def of(cls, value: AgeRange | int | None) -> AgeRange | None:
        """Accept one age where a range is expected (one age is the range age-age)."""
        if value is None or isinstance(value, AgeRange):
            return value
        return cls(value, value)

    @classmethod
    def parse(cls, text: str) -> AgeRange:
        """'14', '13-15', '13 - 15', '13 tot 15', '13 t/m 15'."""
        match = _RANGE.match(text)
        if not match:
            raise AgeRangeError(
                f"'{text}' is geen leeftijd. Geef één leeftijd (14) of een bereik van-tot "
                f"(13-15), in hele jaren tussen {AGE_MIN} en {AGE_MAX}."
            )
        low = int(match.group(1))
        high = int(match.group(2)) if match.group(2) else low
        return cls(low, high)

    def overlaps(self, low: int | None, high: int | None) -> bool:
        """True when someone in this range falls within low-high (None: no limit)."""
        start = AGE_MIN if low is None else low
        end = AGE_MAX if high is None else high
        return start <= self.tot and self.van <= end

    def text(self) -> str:
        """'14 jaar' or '13-15 jaar'."""
        return f"{self.van} jaar" if self.van == self.tot else f"{self.van}-{self.tot} jaar"

    def __str__(self) -> str:
        return self.text()
