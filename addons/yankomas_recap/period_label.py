"""The name of a recap's period on its cover: a whole calendar month is
named as a month ("November 2026"), whatever kind of period was asked.

    >>> import datetime as dt
    >>> whole_month(dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    True
    >>> whole_month(dt.date(2026, 11, 1), dt.date(2026, 11, 29))
    False
"""
import calendar


def whole_month(from_date, to_date):
    "Whether from_date to to_date (both included) is one calendar month."
    return (from_date.day == 1
        and (from_date.year, from_date.month) == (to_date.year, to_date.month)
        and to_date.day == calendar.monthrange(
            to_date.year, to_date.month)[1])
