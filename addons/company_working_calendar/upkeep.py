"""When the scheduled upkeep of a working calendar imports a year of
holidays, and when it tells the administrators that the table runs out."""
import datetime as dt

# Next year's holidays are imported in October, a quarter before the year
# begins.
IMPORT_MONTH = 10
# The table should hold holidays at least this far ahead.
HORIZON = dt.timedelta(days=90)


def year_to_import(today):
    "The year whose holidays are imported on today, or None."
    if today.month == IMPORT_MONTH:
        return today.year + 1


def runs_out(today, latest):
    """Whether a table of holidays whose latest day is latest (None for an
    empty table) holds none from HORIZON after today on.

    The table is judged by how far it reaches, not by the days it holds in
    the coming months: Indonesia's year has months without a holiday (26
    August to 23 December 2026), which a complete table shows too."""
    return latest is None or latest < today + HORIZON
