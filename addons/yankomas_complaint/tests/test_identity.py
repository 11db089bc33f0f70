"Unit and property tests of the identity document checks."
import unittest

from hypothesis import given
from hypothesis import strategies as st

from yankomas_complaint.identity import (
    PHONE_DIGITS, compact, is_email, is_nip, is_phone, is_valid)

VALID_NIKS = ['3528014107900001', '3171011708450001', '3528015508850003']


class IdentityTestCase(unittest.TestCase):

    def test_valid_nik(self):
        for number in VALID_NIKS:
            self.assertTrue(is_valid('nik', number), number)

    def test_nik_with_separators(self):
        self.assertEqual(
            compact('nik', '3528.0141 0790-0001'), '3528014107900001')
        self.assertTrue(is_valid('nik', '3528 0141 0790 0001'))

    def test_invalid_nik(self):
        for number in ['', '35280141079000', '35280141079000011',
                '9971011708450001', '3528019999990001', 'ABCDEFGHIJKLMNOP']:
            self.assertFalse(is_valid('nik', number), number)

    def test_passport(self):
        self.assertTrue(is_valid('passport', 'X1234567'))
        self.assertTrue(is_valid('passport', 'e 1234 5678'))
        self.assertEqual(compact('passport', 'e-1234 5678'), 'E12345678')
        for number in ['E1234', 'X12345678901234', 'AB#12345', '']:
            self.assertFalse(is_valid('passport', number), number)

    @given(st.text(alphabet='ABCDEFGHJKLMNPQRSTUVWXYZ0123456789',
            min_size=6, max_size=12))
    def test_any_plausible_passport_accepted(self, number):
        self.assertTrue(is_valid('passport', number))

    @given(st.text(min_size=0, max_size=5))
    def test_short_passports_refused(self, number):
        self.assertFalse(is_valid('passport', number))

    @given(st.text())
    def test_nik_check_never_crashes(self, number):
        self.assertIn(is_valid('nik', number), (True, False))

    @given(st.from_regex(r'\A[0-9]{16}\Z'))
    def test_compact_is_idempotent(self, number):
        self.assertEqual(compact('nik', compact('nik', number)),
            compact('nik', number))

    def test_nip(self):
        for code in ['199507222019011002', '1975 0505 2000 03 1 001']:
            self.assertTrue(is_nip(code), code)

    def test_not_a_nip(self):
        "A NIK, a bad date, a bad sex digit or appointment before birth."
        for code in [VALID_NIKS[0], '199513222019011002', '199507222019013002',
                '199507221990011002', '19950722201901100X', '', None]:
            self.assertFalse(is_nip(code), code)

    def test_email(self):
        self.assertTrue(is_email('pengadu@example.co.id'))
        for value in ['', 'pengadu', 'pengadu@', 'a@b', 'a b@c.id',
                'a@b@c.id']:
            self.assertFalse(is_email(value), value)

    def test_phone(self):
        for value in ['081234567801', '+62 812-3456-7801', '(0324) 322111',
                '0324.322.111', '+968 9123 4567', '0324/322111', '322111']:
            self.assertTrue(is_phone(value), value)

    def test_not_a_phone(self):
        "Letters, too few or too many digits, a + inside, two numbers"
        for value in ['', None, 'telepon saya', '08123ABC4567', '12345',
                '1234567890123456', '0812+34567', '0812 345 678 / 0324 322 111',
                '081234567801 ext 2', '\u0661\u0662\u0663\u0664\u0665\u0666\u0667']:
            self.assertFalse(is_phone(value), value)

    @given(st.text(alphabet='0123456789', min_size=PHONE_DIGITS[0],
            max_size=PHONE_DIGITS[1]))
    def test_any_digits_of_a_number_accepted(self, digits):
        self.assertTrue(is_phone(digits))
        self.assertTrue(is_phone('+' + digits))

    @given(st.text())
    def test_phone_has_no_letter(self, value):
        if is_phone(value):
            self.assertFalse(any(c.isalpha() for c in value))
