"""Working times as the recap prints them: hours and minutes with their
units, in the reader's language ("1 j 05 m" in Indonesian, "1 h 05 min" in
English).

    >>> import datetime as dt
    >>> with_units(dt.timedelta(minutes=65), 'j', 'm')
    '1 j 05 m'
    >>> with_units(dt.timedelta(minutes=25), 'h', 'min')
    '25 min'
"""


def with_units(delta, hour, minute):
    """delta as whole hours and minutes (the seconds dropped, as the H:MM of
    the working-time engine drops them), with the units hour and minute;
    under an hour, minutes alone; None as an empty text."""
    if delta is None:
        return ''
    seconds = int(delta.total_seconds())
    sign = '-' if seconds < 0 else ''
    hours, minutes = divmod(abs(seconds) // 60, 60)
    if not hours:
        return '%s%d %s' % (sign, minutes, minute)
    return '%s%d %s %02d %s' % (sign, hours, hour, minutes, minute)
