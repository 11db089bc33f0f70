"""How long the office keeps what it holds about people, in plain Python.

A period is a whole number of calendar months counted from a start (a
complaint's closing, a mail's sending, an identity read). A record is past
its retention once its start lies before the cutoff: the moment that many
months before now (the last day of a shorter month when the day does not
exist in it). One rule, for the purge's SQL and for the screens.

The defaults follow the Kemenkumham records schedule for the reports
complaint files feed (domain.md, unverified for the files themselves):
monthly and quarterly reports are kept 1 year active and 1 inactive. Every
period is configurable per office.
"""
import calendar

# record type: months
DEFAULTS = {
    # The complaint file: 1 year active + 1 year inactive after closing.
    'complaint': 24,
    # Evidence and recordings: as long as the file they prove, at most.
    'evidence': 24,
    # E-mails sent about complaints: one active year, while answers and
    # reminders are still asked about.
    'mail': 12,
    # Who read a confidential identity: as long as the file it was read
    # from, so that every read of a kept identity can be shown.
    'disclosure': 24,
    }
RECORD_TYPES = tuple(DEFAULTS)
MAXIMUM = 1200  # months: a century is not a retention period


def months_before(moment, months):
    "moment, months calendar months earlier (the day clamped to the month)."
    total = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(total, 12)
    month += 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def cutoff(now, months):
    "The start before which a record kept months is past its retention."
    return months_before(now, months)


def expired(start, months, now):
    "Whether a record started at start and kept months is past retention."
    return start is not None and start < cutoff(now, months)


def in_words(months):
    """(count, unit) to write the period as people say it: whole years in
    years, else months; unit is 'year', 'years', 'month' or 'months'."""
    if months and months % 12 == 0:
        count, unit = months // 12, 'year'
    else:
        count, unit = months, 'month'
    return count, unit if count == 1 else unit + 's'


def is_valid(months):
    return isinstance(months, int) and 1 <= months <= MAXIMUM
