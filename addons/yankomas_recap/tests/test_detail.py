"""Unit and property tests of the recap's pure parts: durations with their
units, the month label, the cells of the detail rows, and the table Typst
makes of them."""
import datetime as dt
import doctest
import io
import unittest

from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from yankomas_recap import detail, durations, period_label
from yankomas_recap.detail import (
    COLUMNS, FIELDS, ZWSP, breakable, cell, table)
from yankomas_recap.durations import with_units
from yankomas_recap.period_label import whole_month
from yankomas_recap.typeset import compile_recap

words = st.text(st.characters(codec='utf-8', categories=['L', 'N', 'P']),
    min_size=1, max_size=40)
texts = st.lists(words, max_size=6).map(' '.join)


class DurationTestCase(unittest.TestCase):

    def test_units(self):
        "Hours and two-digit minutes, minutes alone under an hour"
        for minutes, text in [(65, '1 j 05 m'), (0, '0 m'), (25, '25 m'),
                (60, '1 j 00 m'), (150, '2 j 30 m'), (2405, '40 j 05 m')]:
            self.assertEqual(
                with_units(dt.timedelta(minutes=minutes), 'j', 'm'), text)
        self.assertEqual(
            with_units(dt.timedelta(minutes=65), 'h', 'min'), '1 h 05 min')

    def test_seconds_dropped(self):
        "As the working-time engine's H:MM: 59 s is 0 m, 119 s is 1 m"
        self.assertEqual(with_units(dt.timedelta(seconds=59), 'j', 'm'), '0 m')
        self.assertEqual(
            with_units(dt.timedelta(seconds=3719), 'j', 'm'), '1 j 01 m')

    def test_none_and_negative(self):
        self.assertEqual(with_units(None, 'j', 'm'), '')
        self.assertEqual(
            with_units(dt.timedelta(minutes=-65), 'j', 'm'), '-1 j 05 m')

    @given(st.integers(0, 10 ** 7))
    def test_units_give_back_the_minutes(self, seconds):
        parts = with_units(dt.timedelta(seconds=seconds), 'j', 'm').split()
        numbers = [int(p) for p in parts[::2]]
        minutes = numbers[-1] + (60 * numbers[0] if len(numbers) == 2 else 0)
        self.assertEqual(minutes, seconds // 60)
        self.assertLess(numbers[-1], 60)


class PeriodLabelTestCase(unittest.TestCase):

    def test_whole_months(self):
        for first, last in [((2026, 11, 1), (2026, 11, 30)),
                ((2026, 2, 1), (2026, 2, 28)), ((2028, 2, 1), (2028, 2, 29)),
                ((2026, 12, 1), (2026, 12, 31))]:
            self.assertTrue(whole_month(dt.date(*first), dt.date(*last)))

    def test_not_whole_months(self):
        for first, last in [((2026, 11, 2), (2026, 11, 30)),
                ((2026, 2, 1), (2026, 2, 27)), ((2026, 10, 1), (2026, 11, 30)),
                ((2025, 11, 1), (2026, 11, 30)), ((2026, 11, 1), (2026, 11, 1))]:
            self.assertFalse(whole_month(dt.date(*first), dt.date(*last)))


class CellTestCase(unittest.TestCase):

    @given(texts, st.integers(1, 30))
    def test_breakable_keeps_the_text(self, text, longest):
        broken = breakable(text, longest)
        self.assertEqual(broken.replace(ZWSP, ''), text)
        for run in broken.split():
            self.assertTrue(len(run) <= longest or ZWSP in run)

    def test_short_runs_kept_whole(self):
        self.assertEqual(breakable('PGD/PMK/2026/00001', 28),
            'PGD/PMK/2026/00001')
        self.assertEqual(breakable('2026110000000001', 19), '2026110000000001')

    def test_dates_on_two_lines(self):
        received, = [c for c in COLUMNS if c.fields == ('received',)]
        self.assertEqual(cell(received, ['01/11/2026 08:00']),
            '01/11/2026\n08:00')
        self.assertEqual(cell(received, ['']), '')

    def test_application_number_under_the_number(self):
        number, = [c for c in COLUMNS if 'number' in c.fields]
        self.assertEqual(cell(number, ['PGD/1', '2026050512345678']),
            'PGD/1\n2026050512345678')
        self.assertEqual(cell(number, ['PGD/1', '']), 'PGD/1')

    def test_table(self):
        "Every field in one column, in the order of FIELDS"
        self.assertEqual([f for c in COLUMNS for f in c.fields], FIELDS)
        data = table(FIELDS, [FIELDS])
        self.assertEqual(len(data['columns']), len(COLUMNS))
        self.assertEqual(data['head'], data['rows'][0])
        self.assertEqual(data['head'][1], 'number\napplication_number')
        # Every column is either fitted (with a cap) or has its share.
        for column in data['columns']:
            self.assertNotEqual(column['weight'] is None,
                column['cap'] is None)


class TypesetTestCase(unittest.TestCase):
    "The template laid out by Typst: a front page, a long table, a sign-off."

    def document(self, rows):
        return {
            'title': 'REKAP/2026/001', 'lang': 'id', 'front_pages': 1,
            'details': dict(table(
                    ['No.', 'Nomor', 'Nomor Permohonan', 'Diterima',
                        'Pengadu', 'Saluran', 'Kategori', 'Ditangani Oleh',
                        'Tingkat', 'Tindakan', 'Selesai', 'Waktu Kerja',
                        'Standar', 'Status'], rows),
                title='5. Rincian', hint='Waktu kantor: WIB',
                empty='Tidak ada pengaduan.'),
            'signoff': {'title': '6. Pengesahan', 'stages': [{
                        'caption': 'Diperiksa oleh',
                        'job_title': 'Kepala Subseksi', 'signed': '',
                        'name': 'Dewi Lestari',
                        'nip': 'NIP 198803142010122001'}]},
            }

    @staticmethod
    def front():
        import weasyprint
        return weasyprint.HTML(string='<p>Bagian depan</p>').write_pdf()

    def test_rows_whole_header_on_every_page(self):
        rows = [[str(i), 'PGD/PMK/2026/%05d' % i, '2026110000%06d' % i,
                '01/11/2026 08:00', 'Siti Aminah', 'Telepon / hotline',
                'Pengambilan paspor', 'Moh. Rizal Fahmi', 'Kasubsi',
                'Dijelaskan persyaratan penggantian paspor rusak; pemohon '
                'datang kembali membawa dokumen asli. ' * (i % 3),
                '01/11/2026 09:00', '1 j 05 m', '30 m', 'Selesai']
            for i in range(1, 121)]
        pdf = PdfReader(io.BytesIO(
                compile_recap(self.front(), self.document(rows))))
        texts = [' '.join(p.extract_text().split()) for p in pdf.pages]
        pages = len(texts)
        self.assertGreater(pages, 3)
        self.assertIn('Bagian depan', texts[0])
        for number, text in enumerate(texts, 1):
            self.assertIn('%d / %d' % (number, pages), text)
        for text in texts[1:]:
            if 'PGD/PMK' in text:
                self.assertIn('No. Nomor Nomor Permohonan Diterima', text)
        everything = ' '.join(texts)
        for i in range(1, 121):
            # Each number whole, on one line.
            self.assertIn('PGD/PMK/2026/%05d' % i, everything)
            self.assertIn('2026110000%06d' % i, everything)
        self.assertIn('Dewi Lestari NIP 198803142010122001', texts[-1])
        self.assertIn('Diperiksa oleh Kepala Subseksi', texts[-1])

    def test_no_rows(self):
        pdf = PdfReader(io.BytesIO(
                compile_recap(self.front(), self.document([]))))
        text = ' '.join(pdf.pages[-1].extract_text().split())
        self.assertIn('Tidak ada pengaduan.', text)
        self.assertNotIn('Nomor Permohonan', text)

    def test_text_is_not_markup(self):
        "Typst markup in a note is printed as typed"
        rows = [['1', 'PGD/1', '', '', '#set page(width: 1pt) *x* $y$',
                '', '', '', '', '#{panic()}', '', '', '', '']]
        pdf = PdfReader(io.BytesIO(
                compile_recap(self.front(), self.document(rows))))
        text = ' '.join(pdf.pages[-1].extract_text().split())
        self.assertIn('#set page(width: 1pt) *x* $y$', text)
        self.assertIn('#{panic()}', text)


def load_tests(loader, tests, pattern):
    for module in [detail, durations, period_label]:
        tests.addTests(doctest.DocTestSuite(module))
    return tests
