"""Working time on an office calendar, without the database.

Times come in and go out as naive UTC datetimes, as Tryton stores them; the
arithmetic runs on the office's wall clock in its time zone. A day's opening
hours are a list of (start, end) intervals of local time, the breaks being
the gaps between them. An instant at the very end of an interval (12:00 when
the break starts at 12:00) still counts as working time, so a deadline may
fall on it, and a step started then begins at the next opening.
"""
import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

UTC = dt.timezone.utc
ZERO = dt.timedelta(0)
# No office is closed this long: past it the calendar has no working time.
SEARCH_LIMIT = dt.timedelta(days=3 * 366)


class NoWorkingTime(ValueError):
    "The calendar has no working time after the given instant."


@dataclass(frozen=True)
class Period:
    "Special opening hours (e.g. Ramadan) from first to last, both included."
    first: dt.date
    last: dt.date
    hours: dict  # weekday (Monday 0) -> ((start, end), ...)


@dataclass(frozen=True)
class WorkingCalendar:
    timezone: str
    hours: dict  # weekday (Monday 0) -> ((start, end), ...) of local time
    periods: tuple = ()
    closed: frozenset = field(default_factory=frozenset)

    @property
    def zone(self):
        return ZoneInfo(self.timezone)

    def day_hours(self, day):
        "The opening intervals of the local date day."
        if day in self.closed:
            return ()
        for period in self.periods:
            if period.first <= day <= period.last:
                return period.hours.get(day.weekday(), ())
        return self.hours.get(day.weekday(), ())

    def is_working_day(self, day):
        return bool(self.day_hours(day))

    def local(self, instant):
        "The UTC instant on the office's wall clock (an aware datetime)."
        return instant.replace(tzinfo=UTC).astimezone(self.zone)

    def local_date(self, instant):
        "The office's date at the UTC instant."
        return self.local(instant).date()

    def utc_offset(self, instant):
        "The office's offset from UTC at the UTC instant."
        return self.local(instant).utcoffset()

    def utc(self, day, time):
        "The naive UTC instant of the office's local day and time."
        return self._utc(day, time)

    def _utc(self, day, time):
        local = dt.datetime.combine(day, time, tzinfo=self.zone)
        return local.astimezone(UTC).replace(tzinfo=None)

    def intervals(self, start):
        "The working intervals (UTC) after start, the first one clipped."
        day = self.local(start).date() - dt.timedelta(days=1)
        limit = start + SEARCH_LIMIT
        while True:
            for begin, end in self.day_hours(day):
                begin, end = self._utc(day, begin), self._utc(day, end)
                if end > start:
                    # The limit is on closed time, not on the whole search.
                    limit = end + SEARCH_LIMIT
                    yield max(begin, start), end
            day += dt.timedelta(days=1)
            if self._utc(day, dt.time()) > limit:
                raise NoWorkingTime(start)

    def deadline(self, start, duration):
        "The instant when duration of working time has passed since start."
        if duration <= ZERO:
            return start
        remaining = duration
        for begin, end in self.intervals(start):
            if remaining <= end - begin:
                return begin + remaining
            remaining -= end - begin

    def elapsed(self, start, end):
        "The working time between start and end (zero if end is before)."
        total = ZERO
        if end <= start:
            return total
        for begin, finish in self.intervals(start):
            if begin >= end:
                break
            total += min(finish, end) - begin
        return total

    def signed_elapsed(self, start, end):
        "Like elapsed, negative when end comes before start."
        if end < start:
            return -self.elapsed(end, start)
        return self.elapsed(start, end)

    def is_working_instant(self, instant):
        "Whether instant lies in working time (interval ends included)."
        day = self.local(instant).date()
        for begin, end in self.day_hours(day):
            if self._utc(day, begin) < instant <= self._utc(day, end):
                return True
        return False

    def add_working_days(self, day, count):
        "The count-th working day after the local date day."
        found = 0
        for _ in range(SEARCH_LIMIT.days):
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                found += 1
                if found >= count:
                    return day
        raise NoWorkingTime(day)


def format_duration(delta):
    "Working time as H:MM, without the sign."
    minutes = abs(int(delta.total_seconds())) // 60
    return '%d:%02d' % divmod(minutes, 60)


def _t(text):
    return dt.time.fromisoformat(text)


def default_hours():
    "Perpres 21/2023: Monday to Thursday 07:30-16:00, Friday 07:30-16:30."
    week = ((_t('07:30'), _t('12:00')), (_t('13:00'), _t('16:00')))
    friday = ((_t('07:30'), _t('11:30')), (_t('13:00'), _t('16:30')))
    return {0: week, 1: week, 2: week, 3: week, 4: friday}


def ramadan_hours():
    "Ramadan, 32.5 hours a week starting at 08:00."
    week = ((_t('08:00'), _t('12:00')), (_t('12:30'), _t('15:00')))
    friday = ((_t('08:00'), _t('11:30')), (_t('12:30'), _t('15:30')))
    return {0: week, 1: week, 2: week, 3: week, 4: friday}
