"""The one place the modules read the time, so that the demo loader and the
tests can replay history at chosen instants."""
import datetime as dt
from contextlib import contextmanager


def now():
    "The current time, naive UTC, as Tryton stores DateTime values."
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)


@contextmanager
def frozen(moment):
    "Let now() read moment (naive UTC) inside the block."
    global now
    real = now
    now = lambda: moment  # noqa: E731
    try:
        yield
    finally:
        now = real
