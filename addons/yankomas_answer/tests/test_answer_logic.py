"""Unit and property tests of the module's pure parts: when a silent
complainant is reminded and closed, by which media an answer goes, and the
rendering of the e-mails."""
import datetime as dt
import unittest

import holidays
from hypothesis import given, settings
from hypothesis import strategies as st

from company_working_calendar.working_time import (
    WorkingCalendar, default_hours)
from yankomas_complaint.pipeline import (
    BUTTONS, CLOSED_STATES, FINAL_STATES, SERVER_ACTIONS, SETS_RESOLUTION,
    STEPS, transitions)

from yankomas_answer import media, render, silence

H = dt.timedelta(hours=1)
CLOSED = frozenset(list(holidays.country_holidays('ID', years=[2026, 2027]))
    + list(holidays.country_holidays(
            'ID', years=[2026, 2027], categories=('government',))))
# The three time zones of Indonesia.
OFFICES = {
    offset: WorkingCalendar(zone, default_hours(), closed=CLOSED)
    for offset, zone in [(7, 'Asia/Jakarta'), (8, 'Asia/Makassar'),
        (9, 'Asia/Jayapura')]}
WIB = OFFICES[7]


def local(offset, *args):
    "A moment of a wall clock offset hours ahead of UTC, as naive UTC."
    return dt.datetime(*args) - offset * H


class SilenceTestCase(unittest.TestCase):
    "The reminder and the closing, worked by hand"

    def test_defaults_follow_lapor(self):
        self.assertEqual(silence.DEFAULT_CLOSE_DAYS, 10)
        self.assertLess(silence.DEFAULT_REMINDER_DAYS,
            silence.DEFAULT_CLOSE_DAYS)

    def test_days_counted_after_the_hold_day(self):
        "Held on Tuesday 14 April 2026: 5 working days end next Tuesday"
        held = local(7, 2026, 4, 14, 10, 0)
        self.assertEqual(silence.days_passed(WIB, held, 5),
            local(7, 2026, 4, 21, 16, 0))
        self.assertEqual(silence.closing_time(WIB, held, 10),
            local(7, 2026, 4, 28, 16, 0))

    def test_friday_closes_later(self):
        "A Friday counts until its own closing time, 16:30"
        held = local(7, 2026, 4, 16, 9, 0)
        self.assertEqual(silence.days_passed(WIB, held, 1),
            local(7, 2026, 4, 17, 16, 30))

    def test_holidays_and_weekends_do_not_count(self):
        """Held on Tuesday 12 May 2026: Ascension (14 May) and its
        collective leave (15 May) are not working days"""
        held = local(7, 2026, 5, 12, 10, 0)
        self.assertEqual(silence.days_passed(WIB, held, 2),
            local(7, 2026, 5, 18, 16, 0))

    def test_held_on_a_holiday(self):
        "Held on Pancasila Day (Monday 1 June 2026): Tuesday is day 1"
        held = local(7, 2026, 6, 1, 9, 0)
        self.assertEqual(silence.days_passed(WIB, held, 1),
            local(7, 2026, 6, 2, 16, 0))

    def test_each_office_on_its_own_clock(self):
        "The same UTC moment, the end of the local working day"
        held = dt.datetime(2026, 4, 14, 3, 0)
        for offset, office in OFFICES.items():
            with self.subTest(offset=offset):
                self.assertEqual(silence.days_passed(office, held, 5),
                    local(offset, 2026, 4, 21, 16, 0))

    def test_late_evening_hold_in_the_east(self):
        """The day of the hold is the office's: Monday 23:30 UTC is
        Tuesday in Jakarta and Jayapura; Monday 16:30 UTC is still Monday
        (23:30) in Jakarta but Tuesday (01:30) in Jayapura"""
        held = dt.datetime(2026, 4, 13, 23, 30)
        self.assertEqual(silence.days_passed(OFFICES[9], held, 1),
            local(9, 2026, 4, 15, 16, 0))
        self.assertEqual(silence.days_passed(OFFICES[7], held, 1),
            local(7, 2026, 4, 15, 16, 0))
        held = dt.datetime(2026, 4, 13, 16, 30)  # Monday 23:30 WIB
        self.assertEqual(silence.days_passed(OFFICES[7], held, 1),
            local(7, 2026, 4, 14, 16, 0))
        self.assertEqual(silence.days_passed(OFFICES[9], held, 1),
            local(9, 2026, 4, 15, 16, 0))

    def test_due(self):
        held = local(7, 2026, 4, 14, 10, 0)
        remind = local(7, 2026, 4, 21, 16, 0)
        close = local(7, 2026, 4, 28, 16, 0)
        minute = dt.timedelta(minutes=1)

        def due(now, last=None):
            return silence.due(WIB, held, now, 5, 10, last)
        self.assertIsNone(due(held))
        self.assertIsNone(due(remind - minute))
        self.assertEqual(due(remind), 'remind')
        self.assertIsNone(due(remind, last=remind))
        # The next one would fall on the closing: none.
        self.assertIsNone(due(close - minute, last=remind))
        self.assertEqual(due(close, last=remind), 'close')
        # Closed when due, reminded or not (the job was stopped).
        self.assertEqual(due(close + 30 * H), 'close')

    def test_no_reminder_before_a_short_closing(self):
        held = local(7, 2026, 4, 14, 10, 0)
        self.assertIsNone(silence.next_reminder(WIB, held, 5, 5))
        self.assertIsNone(silence.next_reminder(WIB, held, 7, 5))
        self.assertIsNone(silence.next_reminder(WIB, held, 0, 5))
        self.assertEqual(silence.due(
                WIB, held, local(7, 2026, 4, 21, 16, 0), 5, 5), 'close')

    def test_calendar_without_working_time(self):
        "An office with no hours at all never reminds nor closes"
        closed = WorkingCalendar('Asia/Jakarta', {})
        held = local(7, 2026, 4, 14, 10, 0)
        self.assertIsNone(silence.due(
                closed, held, held + 1000 * H, 5, 10))

    @settings(max_examples=60, deadline=None, derandomize=True)
    @given(
        offset=st.sampled_from(sorted(OFFICES)),
        start=st.datetimes(
            min_value=dt.datetime(2026, 1, 1),
            max_value=dt.datetime(2026, 12, 1)),
        reminder=st.integers(1, 8),
        close=st.integers(1, 15))
    def test_hourly_job(self, offset, start, reminder, close):
        """The job running every hour sends one reminder every reminder
        working days, none on or after the closing, and closes once, at its
        first run past the closing time"""
        office = OFFICES[offset]
        start = start.replace(second=0, microsecond=0)
        closing = silence.closing_time(office, start, close)
        now = start.replace(minute=0) + H
        sent, closed_at = [], None
        while closed_at is None:
            last = sent[-1] if sent else None
            action = silence.due(
                office, start, now, reminder, close, last)
            if action == 'remind':
                sent.append(now)
            elif action == 'close':
                closed_at = now
            now += H
        self.assertTrue(closing <= closed_at < closing + H)
        self.assertTrue(all(s < closing for s in sent))
        self.assertEqual(len(sent), len(range(reminder, close, reminder)))
        for previous, moment in zip([start] + sent, sent):
            self.assertTrue(silence.days_passed(office, previous, reminder)
                <= moment < silence.days_passed(office, previous, reminder)
                + H)


class MediaTestCase(unittest.TestCase):
    "The way an answer goes back"

    def test_closing_kinds_are_the_closings_with_an_answer(self):
        "Every action that sets the resolution sends it back"
        self.assertEqual(set(media.CLOSING_KINDS), SETS_RESOLUTION)

    def test_answer_media(self):
        cases = [
            (('phone', False, 'a@example.com'), ['email']),
            (('walk_in', False, None), ['letter']),
            (('letter', False, None), ['letter']),
            (('letter', False, 'a@example.com'), ['email', 'letter']),
            (('email', False, 'a@example.com'), ['email']),
            (('web', False, 'a@example.com'), ['email']),
            (('web', True, None), ['channel']),
            (('letter', True, None), ['channel']),
            (('lapor', True, None), ['channel']),
            (('lapor', False, 'a@example.com'), ['email', 'channel']),
            (('lapor', False, None), ['letter', 'channel']),
            ]
        for args, expected in cases:
            with self.subTest(args=args):
                self.assertEqual(media.answer_media(*args), expected)

    @given(st.sampled_from(['walk_in', 'phone', 'letter', 'email', 'web',
                'whatsapp', 'social_media', 'lapor']),
        st.booleans(), st.one_of(st.none(), st.just('a@example.com')))
    def test_every_complaint_is_answered_somehow(self, channel, anonymous,
            email):
        ways = media.answer_media(channel, anonymous, email)
        self.assertTrue(ways)
        self.assertEqual(len(ways), len(set(ways)))
        if anonymous:
            self.assertEqual(ways, ['channel'])
        self.assertEqual(len(media.reminder_media(anonymous, email)), 1)


class NoReplyStateTestCase(unittest.TestCase):
    "The closing for no reply in the pipeline"

    def test_no_reply_is_closed_and_reached_by_the_server_only(self):
        self.assertIn('no_reply', FINAL_STATES)
        self.assertIn('no_reply', CLOSED_STATES)
        self.assertNotIn('no_reply', {t for _, t in BUTTONS.values()})
        self.assertEqual(SERVER_ACTIONS['no_reply'], (STEPS, 'no_reply'))
        self.assertEqual({s for s, t in transitions() if t == 'no_reply'},
            set(STEPS))


class RenderTestCase(unittest.TestCase):
    "The e-mails' bodies"

    VALUES = {
        'name': 'Rina & <i>Co</i>',
        'resolution': 'Baris 1\n<script>alert("x")</script>',
        'number': 'PGD/1',
        }

    def test_values_are_inert_in_html(self):
        subject, text, html = render.message(
            '${number}: ${name}', '<p>Yth. ${name},</p><p>${resolution}</p>',
            self.VALUES, "Ikuti:", 'http://x/track/A"B', [
                ('Survei <b>', 'http://x/s?a=1&b=2')])
        self.assertNotIn('<script', html)
        self.assertNotIn('<i>', html)
        self.assertNotIn('<b>', html)
        self.assertIn('Baris 1<br/>&lt;script&gt;alert(&#34;x&#34;)'
            '&lt;/script&gt;', html)
        self.assertIn('href="http://x/track/A&#34;B"', html)
        self.assertIn('href="http://x/s?a=1&amp;b=2"', html)
        self.assertEqual(subject, 'PGD/1: Rina & <i>Co</i>')
        self.assertIn('Yth. Rina & <i>Co</i>,', text)
        self.assertIn('<script>alert("x")</script>', text)
        self.assertIn('- Survei <b>: http://x/s?a=1&b=2', text)

    def test_subject_is_one_line(self):
        subject, _, _ = render.message('${number}', '', {
                'number': 'A\r\nBcc: x@example.com\u2028C'}, '', '', [])
        self.assertEqual(subject, 'A Bcc: x@example.com C')

    def test_html_text(self):
        self.assertEqual(render.html_text(
                '<p>Yth. A,</p><p>Baris 1<br/>Baris 2</p>'
                '<ul><li>satu</li><li><a href="http://x">dua</a></li></ul>'
                '<div>Hormat &amp; salam</div>'),
            'Yth. A,\n\nBaris 1\nBaris 2\n\n- satu\n- dua <http://x>\n\n'
            'Hormat & salam')

    @given(st.text())
    def test_any_value_stays_text(self, value):
        _, text, html = render.message(
            '${v}', '<p>${v}</p>', {'v': value}, '', '', [])
        self.assertNotIn('<script', html.lower().replace('&lt;script', ''))
        self.assertEqual(html.count('<p>'), 2)
