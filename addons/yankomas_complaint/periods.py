"""The periods of a report (day, week, month) as plain dates.

Knows nothing of the database so it can be tested alone; the reporting
models turn each period into its office's UTC bounds.
"""
import datetime as dt

GRANULARITIES = ('day', 'week', 'month')
# The most periods one report shows: a year of days, or ten years of months.
MAX_PERIODS = 1000
_DAYS = {'day': 1, 'week': 7, 'month': 28}


class TooManyPeriods(ValueError):
    "The range holds more than MAX_PERIODS periods."


def start_of(day, granularity):
    "The first day of the period holding day (weeks start on Monday)."
    if granularity == 'day':
        return day
    if granularity == 'week':
        return day - dt.timedelta(days=day.weekday())
    if granularity == 'month':
        return day.replace(day=1)
    raise ValueError(granularity)


def next_start(start, granularity):
    "The first day of the period after the one starting on start."
    if granularity == 'day':
        return start + dt.timedelta(days=1)
    if granularity == 'week':
        return start + dt.timedelta(days=7)
    if granularity == 'month':
        return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    raise ValueError(granularity)


def periods(first, last, granularity):
    """The periods meeting the days first to last (both included), each as
    (start, begin, end): start is the period's own first day (its label),
    [begin, end) the days of it inside the range."""
    if granularity not in GRANULARITIES:
        raise ValueError(granularity)
    if first > last:
        return []
    if (last - first).days // _DAYS[granularity] >= MAX_PERIODS:
        raise TooManyPeriods(granularity)
    after = last + dt.timedelta(days=1)
    result = []
    start = start_of(first, granularity)
    while start <= last:
        following = next_start(start, granularity)
        result.append((start, max(start, first), min(following, after)))
        start = following
    return result


def default_range(today):
    "The twelve months up to today: from the first of the 11th month back."
    year, month = divmod(today.year * 12 + today.month - 1 - 11, 12)
    return dt.date(year, month + 1, 1), today
