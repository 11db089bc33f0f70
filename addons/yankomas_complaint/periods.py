"""The periods of the reports as plain dates: the day, week or month rows
of the reporting models and the month, quarter, semester or year a recap
report covers.

Knows nothing of the database so it can be tested alone; the models turn
each period into its office's UTC bounds.
"""
import calendar
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


# The periods of a recap report, by kind: the months in one of them.
PERIOD_MONTHS = {
    'month': 1,
    'quarter': 3,
    'semester': 6,
    'year': 12,
    }
PERIOD_KINDS = tuple(PERIOD_MONTHS) + ('custom',)


def periods_in_year(kind):
    "How many periods of the kind a year has (12 months, 4 quarters...)."
    return 12 // PERIOD_MONTHS[kind]


def period_dates(kind, year, number=1):
    """The first and last day of the number-th period of the kind in year.

    >>> period_dates('quarter', 2026, 2)
    (datetime.date(2026, 4, 1), datetime.date(2026, 6, 30))
    """
    months = PERIOD_MONTHS[kind]
    if not 1 <= number <= periods_in_year(kind):
        raise ValueError(f"no {kind} number {number} in a year")
    first_month = (number - 1) * months + 1
    last_month = first_month + months - 1
    last_day = calendar.monthrange(year, last_month)[1]
    return dt.date(year, first_month, 1), dt.date(year, last_month, last_day)


def period_of(kind, day):
    "The number of the period of the kind that contains day."
    return (day.month - 1) // PERIOD_MONTHS[kind] + 1
