"""The one place the module reads the time, so that the demo loader and the
tests can replay history at chosen instants."""
import datetime as dt


def now():
    "The current time, naive UTC, as Tryton stores DateTime values."
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)
