"Unit tests of the tracking code."
import math
import random
import unittest

from hypothesis import given, settings, strategies as st

from yankomas_complaint import tracking


class TrackingCodeTestCase(unittest.TestCase):

    def test_at_least_64_random_bits(self):
        self.assertGreaterEqual(tracking.BITS, 64)
        self.assertEqual(len(tracking.ALPHABET), 32)
        self.assertEqual(
            tracking.LENGTH * math.log2(len(tracking.ALPHABET)),
            tracking.BITS)

    def test_shape(self):
        code = tracking.generate()
        self.assertRegex(code, r'^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}'
            r'-[0-9A-HJKMNP-TV-Z]{5}$')

    def test_every_bit_counts(self):
        "Codes of all zeros and all ones differ in every character"
        self.assertEqual(tracking.generate(lambda bits: 0), '0000-0000-00000')
        self.assertEqual(tracking.generate(lambda bits: 2 ** bits - 1),
            'ZZZZ-ZZZZ-ZZZZZ')

    def test_codes_do_not_repeat(self):
        codes = {tracking.generate() for _ in range(20000)}
        self.assertEqual(len(codes), 20000)

    def test_characters_spread_evenly(self):
        "Each position takes each character about as often (chi-squared)"
        rng = random.Random(42)
        codes = [tracking.generate(rng.getrandbits) for _ in range(6400)]
        for position in range(len(codes[0])):
            if codes[0][position] == '-':
                continue
            counts = {c: 0 for c in tracking.ALPHABET}
            for code in codes:
                counts[code[position]] += 1
            expected = len(codes) / 32
            chi2 = sum((n - expected) ** 2 / expected
                for n in counts.values())
            # 31 degrees of freedom: above 61.1 one time in 1000.
            self.assertLess(chi2, 61.1, position)

    def test_normalise_what_people_type(self):
        code = tracking.generate(lambda bits: 123456789012345678)
        plain = code.replace('-', '')
        for typed in [code, code.lower(), plain, ' %s ' % plain,
                ' '.join(plain), code.replace('0', 'O')]:
            self.assertEqual(tracking.normalise(typed), code, typed)
        self.assertEqual(tracking.normalise('1IL1-0000-00000'),
            '1111-0000-00000')

    def test_normalise_refuses_what_cannot_be_a_code(self):
        for typed in [None, '', 'ABCD', 'ABCD-EFGH-JKMNPQ', 'ABCD-EFGH-JKMNU',
                'x' * 100, 12345, '<script>', 'ÄBCD-EFGH-JKMNP']:
            self.assertIsNone(tracking.normalise(typed), typed)

    @settings(max_examples=500, derandomize=True)
    @given(st.text(max_size=60))
    def test_normalise_any_text(self, text):
        code = tracking.normalise(text)
        if code is not None:
            self.assertEqual(tracking.normalise(code), code)
            self.assertEqual(len(code), tracking.LENGTH + 2)
