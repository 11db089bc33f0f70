"Unit and property tests of the report periods."
import datetime as dt
import doctest
import unittest

from hypothesis import given
from hypothesis import strategies as st

from yankomas_complaint import periods as periods_module
from yankomas_complaint.periods import (
    GRANULARITIES, MAX_PERIODS, PERIOD_MONTHS, TooManyPeriods, default_range,
    period_dates, period_of, periods, periods_in_year, start_of)

D = dt.date
days = st.dates(min_value=D(2000, 1, 1), max_value=D(2100, 12, 31))


class PeriodsTestCase(unittest.TestCase):

    def test_months_clipped_to_the_range(self):
        "A range from mid-April to early June gives three clipped months"
        self.assertEqual(periods(D(2026, 4, 15), D(2026, 6, 2), 'month'), [
                (D(2026, 4, 1), D(2026, 4, 15), D(2026, 5, 1)),
                (D(2026, 5, 1), D(2026, 5, 1), D(2026, 6, 1)),
                (D(2026, 6, 1), D(2026, 6, 1), D(2026, 6, 3)),
                ])

    def test_weeks_start_on_monday(self):
        "Wednesday 1 April 2026 to Monday 13 April: three ISO weeks"
        self.assertEqual(periods(D(2026, 4, 1), D(2026, 4, 13), 'week'), [
                (D(2026, 3, 30), D(2026, 4, 1), D(2026, 4, 6)),
                (D(2026, 4, 6), D(2026, 4, 6), D(2026, 4, 13)),
                (D(2026, 4, 13), D(2026, 4, 13), D(2026, 4, 14)),
                ])

    def test_december_to_january(self):
        "The month after December is January of the next year"
        self.assertEqual(
            [s for s, _, _ in periods(D(2025, 12, 31), D(2026, 1, 1),
                    'month')],
            [D(2025, 12, 1), D(2026, 1, 1)])

    def test_empty_and_bad_ranges(self):
        "An inverted range has no period; unknown granularity is refused"
        self.assertEqual(periods(D(2026, 4, 2), D(2026, 4, 1), 'day'), [])
        with self.assertRaises(ValueError):
            periods(D(2026, 4, 1), D(2026, 4, 2), 'year')

    def test_too_many_periods(self):
        "More than MAX_PERIODS days is refused; as many is not"
        first = D(2026, 1, 1)
        self.assertEqual(len(periods(
                    first, first + dt.timedelta(days=MAX_PERIODS - 1),
                    'day')), MAX_PERIODS)
        with self.assertRaises(TooManyPeriods):
            periods(first, first + dt.timedelta(days=MAX_PERIODS), 'day')
        with self.assertRaises(TooManyPeriods):
            periods(D(1, 1, 1), D(9999, 12, 31), 'month')

    def test_default_range(self):
        "Twelve months up to today, across a year boundary"
        self.assertEqual(default_range(D(2026, 4, 14)),
            (D(2025, 5, 1), D(2026, 4, 14)))
        self.assertEqual(default_range(D(2026, 11, 30)),
            (D(2025, 12, 1), D(2026, 11, 30)))
        self.assertEqual(default_range(D(2026, 12, 1)),
            (D(2026, 1, 1), D(2026, 12, 1)))

    @given(days, st.integers(0, 400), st.sampled_from(GRANULARITIES))
    def test_periods_tile_the_range(self, first, length, granularity):
        "The periods cover every day of the range once, in order"
        last = first + dt.timedelta(days=length)
        result = periods(first, last, granularity)
        self.assertEqual(result[0][1], first)
        self.assertEqual(result[-1][2], last + dt.timedelta(days=1))
        for (_, _, end), (_, begin, _) in zip(result, result[1:]):
            self.assertEqual(end, begin)
        for start, begin, end in result:
            self.assertLess(begin, end)
            self.assertEqual(start_of(begin, granularity), start)
            self.assertEqual(
                start_of(end - dt.timedelta(days=1), granularity), start)
        starts = [s for s, _, _ in result]
        self.assertEqual(starts, sorted(set(starts)))


kinds = st.sampled_from(sorted(PERIOD_MONTHS))


class RecapPeriodsTestCase(unittest.TestCase):

    def test_month(self):
        self.assertEqual(period_dates('month', 2028, 2),
            (dt.date(2028, 2, 1), dt.date(2028, 2, 29)))

    def test_semester(self):
        self.assertEqual(period_dates('semester', 2026, 2),
            (dt.date(2026, 7, 1), dt.date(2026, 12, 31)))

    def test_year(self):
        self.assertEqual(period_dates('year', 2026),
            (dt.date(2026, 1, 1), dt.date(2026, 12, 31)))

    def test_out_of_year(self):
        for kind, number in [('month', 13), ('quarter', 0), ('year', 2)]:
            with self.assertRaises(ValueError):
                period_dates(kind, 2026, number)

    @given(kinds, st.integers(2000, 2100))
    def test_periods_tile_the_year(self, kind, year):
        "The periods of a year follow each other without gap or overlap."
        day = dt.date(year, 1, 1)
        for number in range(1, periods_in_year(kind) + 1):
            first, last = period_dates(kind, year, number)
            self.assertEqual(first, day)
            self.assertLessEqual(first, last)
            day = last + dt.timedelta(days=1)
        self.assertEqual(day, dt.date(year + 1, 1, 1))

    @given(kinds, st.dates(dt.date(2000, 1, 1), dt.date(2100, 12, 31)))
    def test_period_of_contains_the_day(self, kind, day):
        first, last = period_dates(kind, day.year, period_of(kind, day))
        self.assertTrue(first <= day <= last)


def load_tests(loader, tests, pattern):
    tests.addTests(doctest.DocTestSuite(periods_module))
    return tests
