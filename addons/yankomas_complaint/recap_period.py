"""The periods a recap report covers, as first and last local dates.

Knows nothing of the database: the wizard and the recap model call it.
"""
import calendar
import datetime as dt

# kind: number of months in one period of the kind
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
