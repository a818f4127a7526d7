"""Partial dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) and the days they cover (contract §1, "Time")."""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

_FORM = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


@dataclass(frozen=True)
class PartialDate:
    year: int
    month: int | None
    day: int | None
    text: str

    @staticmethod
    def parse(text: str) -> PartialDate | None:
        """The date `text` names, or None when it is not one (or does not exist)."""
        match = _FORM.fullmatch(text)
        if not match:
            return None
        year = int(match.group(1))
        month = int(match.group(2)) if match.group(2) else None
        day = int(match.group(3)) if match.group(3) else None
        if not 1 <= year <= 9999 or (month is not None and not 1 <= month <= 12):
            return None
        if day is not None and not 1 <= day <= calendar.monthrange(year, month or 1)[1]:
            return None
        return PartialDate(year, month, day, text)

    @property
    def first_day(self) -> datetime.date:
        return datetime.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> datetime.date:
        month = self.month or 12
        return datetime.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def __str__(self) -> str:
        return self.text
