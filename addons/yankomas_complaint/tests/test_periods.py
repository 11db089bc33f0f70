"Unit and property tests of the report periods."
import datetime as dt
import unittest

from hypothesis import given
from hypothesis import strategies as st

from yankomas_complaint.periods import (
    GRANULARITIES, MAX_PERIODS, TooManyPeriods, default_range, periods,
    start_of)

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
