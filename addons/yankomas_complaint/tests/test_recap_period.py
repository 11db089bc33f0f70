import datetime as dt
import doctest
import unittest

from hypothesis import given
from hypothesis import strategies as st

from yankomas_complaint import recap_period
from yankomas_complaint.recap_period import (
    PERIOD_MONTHS, period_dates, period_of, periods_in_year)

kinds = st.sampled_from(sorted(PERIOD_MONTHS))


class PeriodTestCase(unittest.TestCase):

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
    tests.addTests(doctest.DocTestSuite(recap_period))
    return tests
