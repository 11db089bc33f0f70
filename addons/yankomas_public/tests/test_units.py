"""The public pages' pure parts: the form's checks, the rate limit's
arithmetic, the CSRF tokens and the plain-language statuses."""
import datetime as dt
import unittest

from hypothesis import given, settings, strategies as st

from yankomas_complaint.pipeline import STATES, INTEGRITY_STEPS, CLOSED_STATES

from .. import csrf, form, status, window
from ..receipt import qr_code

NOW = dt.datetime(2026, 4, 6, 9, 0)
GOOD = {
    'name': "Siti Aminah", 'id_type': 'nik', 'id_number': '3528014501900002',
    'address': "Jl. Trunojoyo 1", 'phone': '081234567890',
    'service': 'passport', 'subject': "Paspor belum jadi",
    'description': "Sudah 10 hari.", 'incident_place': "Loket 2",
    'incident_time': '2026-04-01T09:30', 'agree': '1',
    }


class FormTestCase(unittest.TestCase):

    def test_good(self):
        values, errors = form.clean(GOOD, NOW)
        self.assertEqual(errors, {})
        self.assertEqual(values['incident_time'], dt.datetime(2026, 4, 1, 9, 30))
        self.assertFalse(values['anonymous'])

    def test_required_identified(self):
        _, errors = form.clean({}, NOW)
        for name in form.ALWAYS + form.IDENTIFIED + ('agree',):
            self.assertIn(name, errors)

    def test_anonymous_keeps_no_identity(self):
        values, errors = form.clean(dict(GOOD, anonymous='1',
                email='bad'), NOW)
        self.assertEqual(errors, {})
        for name in ('name', 'id_number', 'phone', 'email', 'address'):
            self.assertNotIn(name, values)

    def test_contact_needed(self):
        _, errors = form.clean(dict(GOOD, phone=''), NOW)
        self.assertEqual(errors, {'email': 'contact'})

    def test_formats(self):
        _, errors = form.clean(dict(GOOD, id_number='12', phone='abc',
                email='x@', id_type='passport', service='tax',
                incident_time='2027-01-01T00:00'), NOW)
        self.assertEqual(errors, {'id_number': 'passport', 'phone': 'phone',
                'email': 'email', 'service': 'choice',
                'incident_time': 'future'})

    def test_limits_and_characters(self):
        _, errors = form.clean(dict(GOOD, subject='x' * 201,
                incident_place='a\x00b'), NOW)
        self.assertEqual(errors, {'subject': 'too_long',
                'incident_place': 'characters'})

    def test_compensation(self):
        values, errors = form.clean(dict(GOOD, compensation_claimed='1',
                compensation_amount='1.500.000'), NOW)
        self.assertEqual(values['compensation_amount'], 1500000)
        _, errors = form.clean(dict(GOOD, compensation_claimed='1',
                compensation_amount='²'), NOW)
        self.assertEqual(errors, {'compensation_amount': 'amount'})

    def test_trap(self):
        _, errors = form.clean(dict(GOOD, website='http://x'), NOW)
        self.assertEqual(errors, {'website': 'trap'})

    @settings(max_examples=300, derandomize=True, deadline=None)
    @given(st.dictionaries(
            st.sampled_from(sorted(set(GOOD) | {'anonymous', 'website',
                        'compensation_claimed', 'compensation_amount',
                        'representation', 'email', 'confidential'})),
            st.one_of(st.text(max_size=300), st.none(), st.integers())))
    def test_never_raises(self, sent):
        values, errors = form.clean(sent, NOW)
        self.assertTrue(set(errors) <= set(sent) | set(form.ALWAYS)
            | set(form.IDENTIFIED) | {'agree', 'email', 'represented_name',
                'power_of_attorney'})


class WindowTestCase(unittest.TestCase):

    def test_track_limit_is_the_contract(self):
        self.assertEqual(window.LIMITS['track'], (30, dt.timedelta(minutes=1)))
        self.assertTrue(window.allowed(29, 30))
        self.assertFalse(window.allowed(30, 30))

    def test_retry_after(self):
        span = dt.timedelta(minutes=1)
        self.assertEqual(window.retry_after(NOW, span, NOW), 60)
        self.assertEqual(window.retry_after(
                NOW, span, NOW + dt.timedelta(seconds=59.5)), 1)
        self.assertEqual(window.retry_after(NOW, span, NOW + span * 2), 1)

    def test_digest_hides_address(self):
        digest = window.digest(b'k', '192.0.2.1')
        self.assertNotIn('192', digest)
        self.assertNotEqual(digest, window.digest(b'j', '192.0.2.1'))


class CSRFTestCase(unittest.TestCase):

    def test_round_trip(self):
        nonce = csrf.new_nonce()
        self.assertTrue(csrf.check(b'k', nonce, csrf.token(b'k', nonce)))

    def test_refusals(self):
        nonce = csrf.new_nonce()
        token = csrf.token(b'k', nonce)
        self.assertFalse(csrf.check(b'j', nonce, token))
        self.assertFalse(csrf.check(b'k', csrf.new_nonce(), token))
        self.assertFalse(csrf.check(b'k', None, token))
        self.assertFalse(csrf.check(b'k', nonce, None))
        self.assertFalse(csrf.check(b'k', 'z' * 32, token))

    @settings(max_examples=200, derandomize=True)
    @given(st.one_of(st.none(), st.text()), st.one_of(st.none(), st.text()))
    def test_garbage(self, nonce, sent):
        self.assertFalse(csrf.check(b'k', nonce, sent))


class StatusTestCase(unittest.TestCase):

    def test_every_state_has_words(self):
        for state in STATES + INTEGRITY_STEPS + tuple(CLOSED_STATES):
            self.assertIn(state, status.PUBLIC_STATUS)

    def test_waiting(self):
        self.assertEqual(status.public_status('intake', True),
            status.WAITING)
        self.assertEqual(status.public_status('done', True), 'done')
        self.assertEqual(status.public_status('unknown'), 'officer')


class QRCodeTestCase(unittest.TestCase):

    def test_markup(self):
        "A QR code is inline SVG markup for the reports, not text to escape."
        from genshi.core import START
        events = list(qr_code('http://example.org/x/track/ABCD-EFGH-JKMNP'))
        kind, (tag, attrs), _ = events[0]
        self.assertEqual((kind, str(tag)), (START, 'svg'))
        self.assertEqual(attrs.get('class'), 'qr')
        self.assertIn('path', [str(e[1][0]) for e in events
                if e[0] == START])
