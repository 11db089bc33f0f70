import datetime as dt
import unittest

from hypothesis import given
from hypothesis import strategies as st

from yankomas_privacy.notification import (
    WINDOW, deadline, notification_problem, status)

DETECTED = dt.datetime(2026, 4, 3, 9, 0)  # a Friday: the weekend counts


class NotificationTestCase(unittest.TestCase):

    def test_three_times_24_hours_in_calendar_time(self):
        self.assertEqual(deadline(DETECTED), dt.datetime(2026, 4, 6, 9, 0))

    def test_status(self):
        hour = dt.timedelta(hours=1)
        limit = deadline(DETECTED)
        self.assertEqual(status(DETECTED, None, None, limit), 'pending')
        self.assertEqual(status(DETECTED, None, None, limit + hour), 'late')
        self.assertEqual(
            status(DETECTED, DETECTED, None, limit + hour), 'late')
        self.assertEqual(
            status(DETECTED, DETECTED + hour, limit, limit + hour),
            'on_time')
        self.assertEqual(
            status(DETECTED, DETECTED + hour, limit + hour, limit + hour),
            'notified_late')

    def test_problems(self):
        now = DETECTED + dt.timedelta(hours=10)
        self.assertEqual(
            notification_problem(DETECTED, None, now, now), 'missing')
        self.assertEqual(notification_problem(
                DETECTED, now, now + dt.timedelta(minutes=1), now), 'future')
        self.assertEqual(notification_problem(
                DETECTED, DETECTED - dt.timedelta(minutes=1), now, now),
            'before')
        self.assertIsNone(notification_problem(DETECTED, now, now, now))

    @given(st.datetimes(min_value=dt.datetime(2000, 1, 1),
            max_value=dt.datetime(2100, 1, 1)),
        st.timedeltas(min_value=dt.timedelta(0),
            max_value=dt.timedelta(days=10)))
    def test_on_time_exactly_within_the_window(self, detected, after):
        told = detected + after
        expected = 'on_time' if after <= WINDOW else 'notified_late'
        self.assertEqual(status(detected, told, told, told), expected)
