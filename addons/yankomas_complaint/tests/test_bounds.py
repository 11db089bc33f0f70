"Unit and property tests of what a record accepts (bounds.py)."
import datetime as dt
import unittest
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from yankomas_complaint.bounds import (
    FIRST_INCIDENT, MAX_ID, SIZES, digits_problem, forbidden_chars,
    incident_problem, record_id_problem, type_problem)

NOW = dt.datetime(2026, 4, 6, 3, 0)


class BoundsTestCase(unittest.TestCase):

    def test_types_accepted(self):
        for field_type, value in [
                ('char', "Antrean"), ('text', "a\nb"), ('selection', 'nik'),
                ('date', dt.date(2026, 4, 6)), ('datetime', NOW),
                ('timestamp', NOW), ('time', dt.time(9)),
                ('timedelta', dt.timedelta(hours=1)),
                ('numeric', Decimal('150000')), ('numeric', 3),
                ('float', 1.5), ('integer', 7), ('boolean', False),
                ('many2one', 12), ('one2many', [('add', [1])]),
                ('many2many', []),
                ]:
            self.assertIsNone(
                type_problem(field_type, value), (field_type, value))

    def test_none_fits_every_field(self):
        for field_type in ['char', 'date', 'numeric', 'boolean', 'many2one']:
            self.assertIsNone(type_problem(field_type, None))

    def test_types_refused(self):
        for field_type, value, kind in [
                ('char', 42, 'text'), ('char', {'a': 1}, 'text'),
                ('text', ['a'], 'text'), ('selection', 1, 'text'),
                ('datetime', '2026-04-06 09:00', 'datetime'),
                ('datetime', dt.date(2026, 4, 6), 'datetime'),
                ('date', NOW, 'date'), ('date', '2026-04-06', 'date'),
                ('numeric', 'banyak', 'number'), ('numeric', True, 'number'),
                ('numeric', Decimal('NaN'), 'number'),
                ('numeric', Decimal('sNaN'), 'number'),
                ('numeric', float('inf'), 'number'),
                ('integer', 1.5, 'integer'), ('integer', 2 ** 40, 'integer'),
                ('boolean', 'ya', 'boolean'), ('boolean', 1, 'boolean'),
                ('many2one', [1], 'record'), ('many2one', '1', 'record'),
                ('many2one', True, 'record'), ('many2one', 1.0, 'record'),
                ('one2many', 'x', 'records'), ('many2many', [1], 'records'),
                ('time', '09:00', 'time'), ('timedelta', 60, 'duration'),
                ]:
            self.assertEqual(
                type_problem(field_type, value), kind, (field_type, value))

    def test_record_instance(self):
        class Party:
            __name__ = 'party.party'
            id = 3
        self.assertIsNone(type_problem('many2one', Party(), 'party.party'))
        self.assertEqual(
            type_problem('many2one', Party(), 'country.country'), 'record')

    def test_record_ids(self):
        for value in [1, MAX_ID]:
            self.assertFalse(record_id_problem(value))
        for value in [0, -1, MAX_ID + 1, 2 ** 63]:
            self.assertTrue(record_id_problem(value))

    def test_forbidden_chars(self):
        self.assertEqual(forbidden_chars("a\x00b\x00", False), ['U+0000'])
        self.assertEqual(forbidden_chars("a\x07\x1b", True),
            ['U+0007', 'U+001B'])
        self.assertEqual(forbidden_chars("a\u2028b", False), ['U+2028'])
        self.assertEqual(forbidden_chars("a\u2028b", True), [])
        self.assertEqual(forbidden_chars("a\nb\tc\r\n", False),
            ['U+000A', 'U+0009', 'U+000D'])
        self.assertEqual(forbidden_chars("a\nb\tc\r\n", True), [])
        self.assertEqual(forbidden_chars("\ud800", True), ['U+D800'])
        self.assertEqual(forbidden_chars("\x85\x7f", True),
            ['U+0085', 'U+007F'])
        self.assertEqual(
            forbidden_chars("Antrean paspor — Pamekasan ✓ 😊", False), [])

    @given(st.text(alphabet=st.characters(
                blacklist_categories=('Cc', 'Cs', 'Zl', 'Zp'))))
    def test_printable_lines_accepted(self, value):
        self.assertEqual(forbidden_chars(value, False), [])

    @given(st.text(alphabet=st.characters(whitelist_categories=('Cc',)),
            min_size=1))
    def test_controls_refused_in_lines(self, value):
        self.assertTrue(forbidden_chars(value, False))

    def test_digits(self):
        digits = (16, 0)
        self.assertIsNone(digits_problem(Decimal('150000'), digits))
        self.assertIsNone(digits_problem(Decimal('9' * 16), digits))
        self.assertEqual(
            digits_problem(Decimal('1' + '0' * 16), digits), 'integer')
        self.assertEqual(digits_problem(Decimal('1E+30'), digits), 'integer')
        self.assertEqual(digits_problem(Decimal('1.5'), digits), 'decimals')
        self.assertEqual(digits_problem(1.5, digits), 'decimals')
        self.assertIsNone(digits_problem(2.0, digits))
        self.assertIsNone(digits_problem(Decimal('1.25'), (16, 2)))
        self.assertIsNone(digits_problem(Decimal('1.5'), None))

    def test_incident(self):
        received = NOW
        self.assertIsNone(incident_problem(None, received))
        self.assertIsNone(incident_problem(received, received))
        self.assertIsNone(incident_problem(FIRST_INCIDENT, received))
        self.assertEqual(incident_problem(
                received + dt.timedelta(seconds=1), received), 'after')
        self.assertEqual(
            incident_problem(dt.datetime(9999, 12, 31), received), 'after')
        self.assertEqual(incident_problem(dt.datetime(1, 1, 1), received),
            'old')
        self.assertEqual(
            incident_problem(dt.datetime(1899, 12, 31, 23, 59), received),
            'old')

    def test_sizes_fit_their_use(self):
        "A line for names and titles, pages for the chronology"
        self.assertLessEqual(SIZES['subject'], 250)
        self.assertGreaterEqual(SIZES['description'], 10000)
        self.assertGreaterEqual(SIZES['id_number'], 16)
        self.assertEqual(SIZES['email'], 254)
