"Unit and property tests of the working-time engine."
import datetime as dt
import unittest

import holidays
from hypothesis import given, settings
from hypothesis import strategies as st

from company_working_calendar.working_time import (
    NoWorkingTime, Period, WorkingCalendar, default_hours, format_duration,
    ramadan_hours)

H = dt.timedelta(hours=1)
M = dt.timedelta(minutes=1)


def closed_days(*years):
    national = holidays.country_holidays('ID', years=years)
    collective = holidays.country_holidays(
        'ID', years=years, categories=('government',))
    return frozenset(list(national) + list(collective))


RAMADAN_2026 = Period(dt.date(2026, 2, 19), dt.date(2026, 3, 19),
    ramadan_hours())
JAKARTA = WorkingCalendar(
    'Asia/Jakarta', default_hours(), (RAMADAN_2026,),
    closed_days(2025, 2026, 2027))
JAYAPURA = WorkingCalendar('Asia/Jayapura', default_hours())


def wib(*args):
    "A moment of Jakarta's wall clock as naive UTC."
    return dt.datetime(*args) - 7 * H


class WorkedExamplesTestCase(unittest.TestCase):

    def test_cuti_bersama_before_idul_fitri(self):
        "The issue's example: 15:30 on 18 March 2026 is closed time."
        self.assertEqual(
            JAKARTA.deadline(wib(2026, 3, 18, 15, 30), H),
            wib(2026, 3, 25, 8, 30))

    def test_across_the_lunch_break(self):
        self.assertEqual(
            JAKARTA.deadline(wib(2026, 4, 6, 11, 45), 30 * M),
            wib(2026, 4, 6, 13, 15))

    def test_friday_prayer_break(self):
        self.assertEqual(
            JAKARTA.deadline(wib(2026, 4, 10, 11, 0), H),
            wib(2026, 4, 10, 13, 30))

    def test_across_the_weekend(self):
        self.assertEqual(
            JAKARTA.deadline(wib(2026, 4, 10, 16, 0), H),
            wib(2026, 4, 13, 8, 0))

    def test_after_hours_starts_next_morning(self):
        self.assertEqual(
            JAKARTA.deadline(wib(2026, 4, 7, 19, 0), 2 * M),
            wib(2026, 4, 8, 7, 32))

    def test_ramadan_hours(self):
        "Ramadan days end at 15:00 (Friday 15:30) and start at 08:00."
        self.assertEqual(
            JAKARTA.deadline(wib(2026, 3, 2, 14, 30), H),
            wib(2026, 3, 3, 8, 30))

    def test_ending_exactly_at_the_break(self):
        self.assertEqual(
            JAKARTA.deadline(wib(2026, 4, 6, 11, 0), H),
            wib(2026, 4, 6, 12, 0))
        self.assertEqual(
            JAKARTA.deadline(wib(2026, 4, 6, 12, 0), 30 * M),
            wib(2026, 4, 6, 13, 30))

    def test_time_zone(self):
        "07:30 WIT is 22:30 UTC the day before."
        self.assertEqual(
            JAYAPURA.deadline(dt.datetime(2026, 4, 5, 12, 0), 30 * M),
            dt.datetime(2026, 4, 5, 23, 0))

    def test_elapsed_over_a_holiday_week(self):
        self.assertEqual(
            JAKARTA.elapsed(wib(2026, 3, 17, 14, 50), wib(2026, 3, 25, 7, 50)),
            30 * M)

    def test_signed_elapsed(self):
        start, end = wib(2026, 4, 6, 9, 0), wib(2026, 4, 6, 10, 0)
        self.assertEqual(JAKARTA.signed_elapsed(start, end), H)
        self.assertEqual(JAKARTA.signed_elapsed(end, start), -H)

    def test_zero_duration(self):
        start = wib(2026, 4, 4, 9, 0)
        self.assertEqual(JAKARTA.deadline(start, dt.timedelta(0)), start)

    def test_working_days(self):
        "14 working days after 13 March 2026 skip Idul Fitri and Good Friday."
        self.assertEqual(
            JAKARTA.add_working_days(dt.date(2026, 3, 13), 14),
            dt.date(2026, 4, 10))

    def test_elapsed_over_years(self):
        "A case open for years is late by years of working time."
        weeks = (dt.date(2026, 12, 7) - dt.date(2021, 12, 6)).days // 7
        self.assertEqual(
            JAYAPURA.elapsed(
                dt.datetime(2021, 12, 6) - 9 * H,
                dt.datetime(2026, 12, 7) - 9 * H),
            weeks * JAYAPURA.elapsed(
                dt.datetime(2026, 12, 7) - 9 * H,
                dt.datetime(2026, 12, 14) - 9 * H))

    def test_no_working_time(self):
        closed = WorkingCalendar('Asia/Jakarta', {})
        with self.assertRaises(NoWorkingTime):
            closed.deadline(dt.datetime(2026, 1, 1), H)


starts = st.datetimes(
    min_value=dt.datetime(2025, 6, 1), max_value=dt.datetime(2027, 6, 1))
durations = st.integers(min_value=1, max_value=60 * 40).map(
    lambda m: dt.timedelta(minutes=m))


class PropertiesTestCase(unittest.TestCase):

    @given(starts, durations)
    def test_deadline_is_in_working_time(self, start, duration):
        self.assertTrue(
            JAKARTA.is_working_instant(JAKARTA.deadline(start, duration)))

    @given(starts, durations)
    def test_elapsed_inverts_deadline(self, start, duration):
        self.assertEqual(
            JAKARTA.elapsed(start, JAKARTA.deadline(start, duration)),
            duration)

    @given(starts, durations, durations)
    def test_deadlines_add_up(self, start, a, b):
        self.assertEqual(
            JAKARTA.deadline(JAKARTA.deadline(start, a), b),
            JAKARTA.deadline(start, a + b))

    @given(starts, starts, durations)
    def test_monotonic_in_start(self, s1, s2, duration):
        s1, s2 = min(s1, s2), max(s1, s2)
        self.assertLessEqual(
            JAKARTA.deadline(s1, duration), JAKARTA.deadline(s2, duration))

    @given(starts, durations, durations)
    def test_monotonic_in_duration(self, start, a, b):
        a, b = min(a, b), max(a, b)
        self.assertLessEqual(
            JAKARTA.deadline(start, a), JAKARTA.deadline(start, b))

    @settings(max_examples=50)
    @given(starts, starts)
    def test_elapsed_is_never_more_than_clock_time(self, s1, s2):
        s1, s2 = min(s1, s2), max(s1, s2)
        self.assertLessEqual(JAKARTA.elapsed(s1, s2), s2 - s1)


class FormatDurationTestCase(unittest.TestCase):

    def test_format_duration(self):
        self.assertEqual(format_duration(-90 * M), '1:30')
        self.assertEqual(format_duration(605 * M), '10:05')
