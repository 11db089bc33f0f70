"""The IKM arithmetic (ikm.py) alone: a worked example computed by hand,
the regulation's bands, the Krejcie-Morgan table, and properties over any
set of responses."""
import datetime as dt
import unittest
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from hypothesis import given, settings, strategies as st

from yankomas_survey import ikm

BANDS = [
    ikm.Band(Decimal('88.31'), Decimal('100.00'), 'A', "Sangat Baik"),
    ikm.Band(Decimal('76.61'), Decimal('88.30'), 'B', "Baik"),
    ikm.Band(Decimal('65.00'), Decimal('76.60'), 'C', "Kurang Baik"),
    ikm.Band(Decimal('25.00'), Decimal('64.99'), 'D', "Tidak Baik"),
    ]
# Krejcie and Morgan (1970), table 1: population N, sample S.
KREJCIE_MORGAN = [
    (10, 10), (15, 14), (20, 19), (25, 24), (30, 28), (35, 32), (40, 36),
    (45, 40), (50, 44), (55, 48), (60, 52), (65, 56), (70, 59), (75, 63),
    (80, 66), (85, 70), (90, 73), (95, 76), (100, 80), (110, 86),
    (120, 92), (130, 97), (140, 103), (150, 108), (160, 113), (170, 118),
    (180, 123), (190, 127), (200, 132), (210, 136), (220, 140),
    (230, 144), (240, 148), (250, 152), (260, 155), (270, 159),
    (280, 162), (290, 165), (300, 169), (320, 175), (340, 181),
    (360, 186), (380, 191), (400, 196), (420, 201), (440, 205),
    (460, 210), (480, 214), (500, 217), (550, 226), (600, 234),
    (650, 242), (700, 248), (750, 254), (800, 260), (850, 265),
    (900, 269), (950, 274), (1000, 278), (1100, 285), (1200, 291),
    (1300, 297), (1400, 302), (1500, 306), (1600, 310), (1700, 313),
    (1800, 317), (1900, 320), (2000, 322), (2200, 327), (2400, 331),
    (2600, 335), (2800, 338), (3000, 341), (3500, 346), (4000, 351),
    (4500, 354), (5000, 357), (6000, 361), (7000, 364), (8000, 367),
    (9000, 368), (10000, 370), (15000, 375), (20000, 377), (30000, 379),
    (40000, 380), (50000, 381), (75000, 382), (1000000, 384),
    ]

# Reproducible runs, without a deadline (a slow machine is not a failure).
PROPERTY = settings(derandomize=True, deadline=None)
scores = st.sampled_from(ikm.SCORES)
response = st.fixed_dictionaries({k: scores for k in ikm.KEYS})
responses = st.lists(response, min_size=1, max_size=40)


def summary(answers, bands=BANDS):
    return ikm.summarise(ikm.totals(answers), len(answers), bands)


class WorkedExampleTestCase(unittest.TestCase):
    "Four respondents, worked by hand."

    # Answers of the four, in the regulation's order of the elements:
    #                 U1 U2 U3 U4 U5 U6 U7 U8 U9
    ROWS = [
        (4, 4, 3, 3, 4, 4, 4, 3, 3),
        (3, 4, 3, 2, 3, 4, 4, 3, 3),
        (4, 3, 2, 2, 3, 3, 4, 4, 3),
        (3, 3, 3, 1, 4, 3, 4, 2, 2),
        ]
    # Sums per element: 14 14 11 8 14 14 16 12 11, over 4 answers each:
    # NRR 3.5 3.5 2.75 2.0 3.5 3.5 4.0 3.0 2.75, which add up to 28.5.
    # Index = 28.5 x 1/9 x 25 = 79.1666... shown 79.17: grade B (76.61 to
    # 88.30), "Baik". (The regulation's rounded weight 0.111 would give
    # 28.5 x 0.111 x 25 = 79.09, the same grade.) Weakest three: cost (2.0),
    # then completion time and facilities (2.75 each).

    def test_worked_example(self):
        answers = [dict(zip(ikm.KEYS, row)) for row in self.ROWS]
        result = summary(answers)
        self.assertEqual(result.respondents, 4)
        self.assertEqual([result.nrr[k] for k in ikm.KEYS], [
                Fraction(7, 2), Fraction(7, 2), Fraction(11, 4), 2,
                Fraction(7, 2), Fraction(7, 2), 4, 3, Fraction(11, 4)])
        self.assertEqual(result.index, Fraction(475, 6))
        self.assertEqual(result.value, Decimal('79.17'))
        self.assertEqual(result.grade.letter, 'B')
        self.assertEqual(result.grade.quality, "Baik")
        self.assertEqual(result.weakest,
            ['cost', 'completion_time', 'facilities'])
        self.assertEqual(ikm.rounded(result.nrr['completion_time'], 3),
            Decimal('2.750'))

    def test_extremes(self):
        "Every answer 4 is 100 (A); every answer 1 is 25 (D)."
        best = summary([{k: 4 for k in ikm.KEYS}])
        worst = summary([{k: 1 for k in ikm.KEYS}])
        self.assertEqual((best.value, best.grade.letter),
            (Decimal('100.00'), 'A'))
        self.assertEqual((worst.value, worst.grade.letter),
            (Decimal('25.00'), 'D'))

    def test_no_respondent(self):
        "Without respondents there is no NRR, no index and no grade."
        result = summary([])
        self.assertEqual(result.respondents, 0)
        self.assertTrue(all(v is None for v in result.nrr.values()))
        self.assertEqual((result.index, result.value, result.grade,
                result.weakest), (None, None, None, []))

    def test_element_without_answer(self):
        """An element nobody answered has no NRR and the index is not
        made of the eight others."""
        answers = [dict({k: 4 for k in ikm.KEYS}, cost=None)]
        result = summary(answers)
        self.assertIsNone(result.nrr['cost'])
        self.assertEqual(result.nrr['requirements'], 4)
        self.assertIsNone(result.index)
        self.assertIsNone(result.grade)
        self.assertNotIn('cost', result.weakest)

    def test_score_out_of_range(self):
        for score in (0, 5, '3', 2.5):
            with self.assertRaises(ValueError):
                ikm.totals([dict({k: 3 for k in ikm.KEYS}, cost=score)])


class BandsTestCase(unittest.TestCase):

    def test_regulation_bands_are_whole(self):
        "The four bands span 25.00-100.00, each shown value in one band."
        self.assertEqual(ikm.band_problems(BANDS), [])
        for hundredths in range(2500, 10001):
            value = Decimal(hundredths).scaleb(-2)
            found = [b for b in BANDS if b.lower <= value <= b.upper]
            self.assertEqual(len(found), 1, value)
            self.assertEqual(ikm.grade(value, BANDS), found[0])

    def test_bounds(self):
        "A band's bounds belong to it; the index is rounded half up first."
        for value, letter in [
                ('88.31', 'A'), ('88.30', 'B'), ('76.61', 'B'),
                ('76.60', 'C'), ('65.00', 'C'), ('64.99', 'D'),
                ('25.00', 'D'), ('100.00', 'A'),
                (Fraction(88305, 1000), 'A'),
                (Fraction(88304999, 1000000), 'B'),
                (Fraction(64995, 1000), 'C'),
                (Fraction(64994, 1000), 'D')]:
            self.assertEqual(ikm.grade(Fraction(value), BANDS).letter, letter,
                value)

    def test_outside(self):
        self.assertIsNone(ikm.grade(Fraction(2499, 100), BANDS))
        self.assertIsNone(ikm.grade(None, BANDS))

    def test_problems(self):
        a, b, c, d = BANDS
        self.assertIn(('overlap', 'B', 'A'), ikm.band_problems(
                [a._replace(lower=Decimal('88.30')), b, c, d]))
        self.assertIn(('gap', Decimal('88.30'), Decimal('88.40')),
            ikm.band_problems([a._replace(lower=Decimal('88.40')), b, c, d]))
        self.assertIn(('order', 'C'), ikm.band_problems(
                [a, b, c._replace(lower=Decimal('77.00')), d]))
        self.assertIn(('range', Decimal('25.00'), Decimal('99.00')),
            ikm.band_problems([a._replace(upper=Decimal('99.00')), b, c, d]))
        self.assertEqual(ikm.band_problems([]), [('range', None, None)])


class RoundingTestCase(unittest.TestCase):

    @PROPERTY
    @given(st.integers(min_value=0, max_value=10 ** 9),
        st.integers(min_value=0, max_value=4))
    def test_half_up(self, thousandths, places):
        "rounded() agrees with Decimal's half-up rounding of exact values."
        value = Decimal(thousandths).scaleb(-3)
        self.assertEqual(ikm.rounded(Fraction(value), places),
            value.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP))


class SampleTestCase(unittest.TestCase):

    def test_krejcie_morgan_table(self):
        "The formula gives every row of the published table."
        for population, sample in KREJCIE_MORGAN:
            self.assertEqual(ikm.minimum_sample(population), sample,
                population)

    def test_examples(self):
        self.assertEqual(ikm.minimum_sample(100), 80)
        self.assertEqual(ikm.minimum_sample(1000), 278)
        self.assertEqual(ikm.minimum_sample(1000000), 384)
        self.assertEqual(ikm.minimum_sample(0), 0)
        self.assertEqual(ikm.minimum_sample(1), 1)
        self.assertIsNone(ikm.minimum_sample(None))
        with self.assertRaises(ValueError):
            ikm.minimum_sample(-1)

    @PROPERTY
    @given(st.integers(min_value=1, max_value=10 ** 8))
    def test_sample_bounds(self, population):
        "Never more than the population, never above 384, never shrinking."
        sample = ikm.minimum_sample(population)
        self.assertLessEqual(sample, population)
        self.assertLessEqual(sample, 384)
        self.assertGreaterEqual(sample, 1)
        self.assertLessEqual(ikm.minimum_sample(population - 1), sample)

    def test_period_population(self):
        jan, mar, dec = dt.date(2026, 1, 1), dt.date(2026, 3, 31), (
            dt.date(2026, 12, 31))
        self.assertEqual(ikm.period_population(120, jan, mar), 360)
        self.assertEqual(ikm.period_population(120, jan, dec), 1440)
        # 16-31 January is 16/31 of it, February whole: 1.516... months.
        self.assertEqual(ikm.period_population(
                100, dt.date(2026, 1, 16), dt.date(2026, 2, 28)), 152)
        self.assertEqual(ikm.period_population(
                0, jan, mar), 0)
        self.assertIsNone(ikm.period_population(None, jan, mar))
        self.assertIsNone(ikm.period_population(10, mar, jan))

    @PROPERTY
    @given(st.integers(min_value=0, max_value=10 ** 6),
        st.dates(min_value=dt.date(2000, 1, 1),
            max_value=dt.date(2100, 1, 1)),
        st.integers(min_value=0, max_value=800),
        st.integers(min_value=0, max_value=800))
    def test_period_population_adds_up(self, monthly, first, length, cut):
        """Two adjoining spans serve the people of the whole span, to the
        rounding of each."""
        last = first + dt.timedelta(days=length)
        middle = first + dt.timedelta(days=min(cut, length))
        whole = ikm.period_population(monthly, first, last)
        parts = ikm.period_population(monthly, first, middle) + (
            ikm.period_population(
                monthly, middle + dt.timedelta(days=1), last) or 0)
        self.assertLessEqual(abs(whole - parts), 1)


class PropertiesTestCase(unittest.TestCase):

    @PROPERTY
    @given(responses)
    def test_index_on_scale(self, answers):
        "The index of any responses is between 25 and 100, with a grade."
        result = summary(answers)
        self.assertGreaterEqual(result.index, 25)
        self.assertLessEqual(result.index, 100)
        self.assertIsNotNone(result.grade)
        for value in result.nrr.values():
            self.assertTrue(1 <= value <= 4)

    @PROPERTY
    @given(responses, st.randoms(use_true_random=False))
    def test_order_does_not_matter(self, answers, rnd):
        "The same responses in another order give the same IKM."
        shuffled = list(answers)
        rnd.shuffle(shuffled)
        self.assertEqual(summary(answers), summary(shuffled))

    @PROPERTY
    @given(responses, st.data())
    def test_monotone(self, answers, data):
        "A better answer raises the index and lowers no element's NRR."
        index = data.draw(st.integers(0, len(answers) - 1))
        key = data.draw(st.sampled_from(ikm.KEYS))
        if answers[index][key] == 4:
            return
        better = [dict(a) for a in answers]
        better[index][key] += 1
        before, after = summary(answers), summary(better)
        self.assertGreater(after.index, before.index)
        self.assertGreaterEqual(after.value, before.value)
        for k in ikm.KEYS:
            self.assertGreaterEqual(after.nrr[k], before.nrr[k])
        self.assertGreaterEqual(
            'DCBA'.index(after.grade.letter), 'DCBA'.index(before.grade.letter))

    @PROPERTY
    @given(responses)
    def test_index_is_mean_times_25(self, answers):
        """Equal weights: the index is the mean of every answer times 25
        (every response answers all nine)."""
        all_scores = [a[k] for a in answers for k in ikm.KEYS]
        self.assertEqual(summary(answers).index,
            Fraction(sum(all_scores), len(all_scores)) * 25)

    @PROPERTY
    @given(responses, st.integers(min_value=1, max_value=9))
    def test_weakest(self, answers, count):
        """The weakest are the lowest NRRs: each below every element left
        out, equal elements in or out together, lowest first; the lowest
        always unless all are equal; no more than count unless the lowest
        alone are more; never the highest."""
        nrr = summary(answers).nrr
        weakest = ikm.weakest(nrr, count)
        rest = [k for k in ikm.KEYS if k not in weakest]
        for k in weakest:
            for other in rest:
                self.assertLess(nrr[k], nrr[other])
        values = [nrr[k] for k in weakest]
        self.assertEqual(values, sorted(values))
        lowest = min(nrr.values())
        if len(set(nrr.values())) == 1:
            self.assertEqual(weakest, [])
        else:
            self.assertTrue(weakest)
            self.assertTrue(all(nrr[k] < max(nrr.values()) for k in weakest))
            self.assertEqual({k for k in ikm.KEYS if nrr[k] == lowest},
                {k for k in weakest if nrr[k] == lowest})
            self.assertLessEqual(len(weakest), max(count,
                    sum(1 for v in nrr.values() if v == lowest)))

    def test_weakest_groups(self):
        "Equal elements go in or out together."
        nrr = dict.fromkeys(ikm.KEYS, Fraction(7, 2))
        self.assertEqual(ikm.weakest(nrr), [])
        nrr['cost'] = 3
        self.assertEqual(ikm.weakest(nrr), ['cost'])
        nrr.update(facilities=Fraction(13, 4), product=Fraction(13, 4))
        self.assertEqual(ikm.weakest(nrr), ['cost', 'product', 'facilities'])
        self.assertEqual(ikm.weakest(nrr, 2), ['cost'])
        nrr.update(cost=Fraction(13, 4))
        self.assertEqual(ikm.weakest(nrr, 2), ['cost', 'product', 'facilities'])

    @settings(PROPERTY, max_examples=50)
    @given(st.lists(st.lists(response, min_size=1, max_size=10),
            min_size=2, max_size=5))
    def test_pooled(self, groups):
        """The IKM of several groups together lies between the lowest and
        the highest of the groups (an average of averages)."""
        indices = [summary(g).index for g in groups]
        pooled = summary([a for g in groups for a in g]).index
        self.assertGreaterEqual(pooled, min(indices))
        self.assertLessEqual(pooled, max(indices))


class ElementsTestCase(unittest.TestCase):

    def test_nine_elements(self):
        "The nine of the regulation, each with four answers, in its order."
        self.assertEqual([e.name for e in ikm.ELEMENTS], [
                "Persyaratan", "Sistem, Mekanisme, dan Prosedur",
                "Waktu Penyelesaian", "Biaya/Tarif",
                "Produk Spesifikasi Jenis Pelayanan", "Kompetensi Pelaksana",
                "Perilaku Pelaksana",
                "Penanganan Pengaduan, Saran dan Masukan",
                "Sarana dan Prasarana"])
        for element in ikm.ELEMENTS:
            self.assertEqual(len(element.answers), 4)
            self.assertEqual(len(set(element.answers)), 4)
        self.assertEqual(ikm.BY_KEY['cost'].answers,
            ("Sangat mahal", "Cukup mahal", "Murah", "Gratis"))
        self.assertEqual(ikm.WEIGHT * len(ikm.ELEMENTS), 1)
