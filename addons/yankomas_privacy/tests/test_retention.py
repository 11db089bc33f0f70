import datetime as dt
import unittest

from hypothesis import given
from hypothesis import strategies as st

from yankomas_privacy.retention import (
    DEFAULTS, MAXIMUM, cutoff, expired, in_words, is_valid, months_before)

moments = st.datetimes(
    min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2100, 1, 1))
periods = st.integers(min_value=1, max_value=240)


class RetentionTestCase(unittest.TestCase):

    def test_months_before(self):
        self.assertEqual(months_before(dt.datetime(2026, 12, 1, 9), 24),
            dt.datetime(2024, 12, 1, 9))
        self.assertEqual(months_before(dt.datetime(2026, 3, 1), 1),
            dt.datetime(2026, 2, 1))
        self.assertEqual(months_before(dt.datetime(2026, 1, 15), 1),
            dt.datetime(2025, 12, 15))

    def test_short_month_clamped(self):
        "31 March less one month is the last day of February."
        self.assertEqual(months_before(dt.datetime(2026, 3, 31, 10), 1),
            dt.datetime(2026, 2, 28, 10))
        self.assertEqual(months_before(dt.datetime(2028, 3, 31), 1),
            dt.datetime(2028, 2, 29))
        self.assertEqual(months_before(dt.datetime(2028, 2, 29), 12),
            dt.datetime(2027, 2, 28))

    def test_expired(self):
        closed = dt.datetime(2024, 6, 30, 8, 0)
        self.assertFalse(expired(closed, 24, dt.datetime(2026, 6, 30, 8, 0)))
        self.assertTrue(expired(closed, 24, dt.datetime(2026, 6, 30, 8, 1)))
        self.assertFalse(expired(None, 24, dt.datetime(2100, 1, 1)))

    def test_defaults(self):
        self.assertEqual(set(DEFAULTS),
            {'complaint', 'evidence', 'mail', 'disclosure'})
        self.assertTrue(all(is_valid(m) for m in DEFAULTS.values()))
        self.assertLessEqual(DEFAULTS['evidence'], DEFAULTS['complaint'])
        self.assertFalse(is_valid(0))
        self.assertFalse(is_valid(MAXIMUM + 1))

    def test_in_words(self):
        self.assertEqual(in_words(24), (2, 'years'))
        self.assertEqual(in_words(12), (1, 'year'))
        self.assertEqual(in_words(18), (18, 'months'))
        self.assertEqual(in_words(1), (1, 'month'))

    @given(moments, periods)
    def test_kept_at_least_the_period(self, start, months):
        "Never expired before 28 days a month, always after 31."
        self.assertFalse(
            expired(start, months, start + dt.timedelta(days=28 * months)))
        self.assertTrue(expired(start, months,
                start + dt.timedelta(days=31 * months, seconds=1)))

    @given(moments, moments, periods)
    def test_monotone(self, start, now, months):
        "Once expired, a record stays expired; a longer period keeps it."
        if expired(start, months, now):
            self.assertTrue(expired(start, months, now + dt.timedelta(1)))
            self.assertTrue(expired(start, months - 1, now)
                if months > 1 else True)
        self.assertLessEqual(cutoff(now, months + 1), cutoff(now, months))
