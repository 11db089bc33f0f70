"Unit and property tests of the ruled listing of the printed reports."
import doctest
import io
import re
import unicodedata
import unittest

import weasyprint
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from yankomas_document.document import STYLESHEET
from yankomas_recap import listing as listing_module
from yankomas_recap.listing import Column, Listing, paginate, wrap
from yankomas_recap.recap_report import LANDSCAPE_HEIGHT, TITLE_HEIGHT
from yankomas_recap.recap_report import LISTING as RECAP

COLUMNS = [Column(6), Column(10), Column(4, 'right')]
LISTING = Listing(COLUMNS, 6.2, 8.4)
words = st.text(st.characters(codec='utf-8', categories=['L', 'N', 'P']),
    min_size=1, max_size=14)
values = st.lists(words, max_size=6).map(' '.join)
rows = st.lists(st.tuples(values, values, values), max_size=30)


class ListingTestCase(unittest.TestCase):

    @given(values, st.integers(1, 12))
    def test_wrap_keeps_every_character_within_width(self, value, width):
        lines = wrap(value, width)
        self.assertTrue(all(len(l) <= width for l in lines))
        self.assertEqual(''.join(''.join(lines).split()),
            ''.join(unicodedata.normalize('NFC', value).split()))

    @given(st.tuples(values, values, values))
    def test_columns_stay_in_their_place(self, row):
        lines = LISTING.lines(row)
        self.assertTrue(all(len(l) <= LISTING.characters - 1 for l in lines))
        start = 0
        for value, column in zip(row, COLUMNS):
            cells = [l[start:start + column.width] for l in lines]
            self.assertEqual(''.join(''.join(cells).split()),
                ''.join(unicodedata.normalize('NFC', value).split()))
            # The space between two columns stays empty.
            self.assertTrue(all(l[start + column.width:][:1] in {'', ' '}
                    for l in lines))
            start += column.width + 1

    def test_numbers_aligned_right(self):
        self.assertEqual(LISTING.lines(['a', 'b', '7']),
            ['a      b             7'])

    def test_values_of_every_kind(self):
        "None, numbers, line breaks and decomposed accents"
        self.assertEqual(LISTING.lines([None, 12, 'Jose\u0301\nAndre']),
            ['       12         José', '                  Andr',
                '                     e'])

    @given(st.lists(st.integers(1, 12), max_size=40), st.integers(1, 15),
        st.integers(1, 15))
    def test_paginate(self, heights, first, rest):
        rows = [['%d.%d' % (r, i) for i in range(h)]
            for r, h in enumerate(heights)]
        pages = paginate(rows, first, rest)
        lines = [l for page in pages for block in page for l in block]
        self.assertEqual(lines, [l for row in rows for l in row])
        for number, page in enumerate(pages):
            size = sum(len(b) for b in page)
            self.assertLessEqual(size, first if number == 0 else rest)
            self.assertTrue(page)
        # A row is split only when it is taller than a page.
        blocks = [b for page in pages for b in page]
        for row in rows:
            if len(row) <= min(first, rest):
                self.assertIn(row, blocks)

    def test_a_page_holds_a_line(self):
        with self.assertRaises(ValueError):
            paginate([['a']], 0, 3)

    @given(rows)
    def test_sheets(self, rows):
        sheets = LISTING.sheets(['No', 'Name', 'Late'], rows, 9, 12)
        for number, sheet in enumerate(sheets):
            body = sheet.body.split('\n')
            self.assertLessEqual(len(body) + 1, 9 if number == 0 else 12)
            separators = sheet.body_rules.count('H')
            self.assertLess(separators, len(body))
            self.assertEqual(sheet.body_rules.count('V'), len(COLUMNS) - 1)

    def test_rules_between_columns(self):
        "Through the middle of the space between two columns"
        advance = LISTING.advance
        svg = LISTING.rules([2, 1])
        xs = [float(x) for x in re.findall(r'M([\d.]+) 0V', svg)]
        self.assertEqual(xs, [round(7 * advance, 2), round(18 * advance, 2)])
        ys = [float(y) for y in re.findall(r'M0 ([\d.]+)H', svg)]
        self.assertEqual(ys, [2 * 8.4])


class RecapListingTestCase(unittest.TestCase):
    "The recap's listing on the page of report.css, laid out by WeasyPrint."

    def test_sheets_fill_their_pages_exactly(self):
        columns = len(RECAP.columns)
        rows = [['PGD/2026/%05d' % i] + ['kata ' * (i % 9)] * (columns - 1)
            for i in range(300)]
        sheets = RECAP.sheets(['Nomor'] + ['Kolom'] * (columns - 1), rows,
            RECAP.capacity(LANDSCAPE_HEIGHT - TITLE_HEIGHT),
            RECAP.capacity(LANDSCAPE_HEIGHT))
        with open(STYLESHEET) as file:
            stylesheet = file.read()
        html = ''.join([
                '<html><head><style>', stylesheet,
                '</style></head><body><div class="landscape">',
                '<h2>5. Pengaduan</h2><p class="hint">Waktu kantor.</p>',
                str(RECAP.markup(sheets)), '</div></body></html>'])
        document = weasyprint.HTML(string=html).render()
        self.assertEqual(len(document.pages), len(sheets))
        for page in document.pages:
            # WeasyPrint's layout: each listing within its page's margins.
            box = page._page_box
            listing, = [b for b in box.descendants()
                if getattr(b, 'element', None) is not None
                and b.element.get('class') == 'listing']
            self.assertLessEqual(
                listing.border_box_x() + listing.border_width(),
                box.content_box_x() + box.width)
            self.assertLessEqual(
                listing.border_box_y() + listing.border_height(),
                box.content_box_y() + box.height)
        pdf = PdfReader(io.BytesIO(document.write_pdf()))
        for page, sheet in zip(pdf.pages, sheets):
            text = page.extract_text()
            self.assertEqual(text.count('Nomor'), 1)
            self.assertIn(sheet.body.split('\n')[-1].split()[0], text)


def load_tests(loader, tests, pattern):
    tests.addTests(doctest.DocTestSuite(listing_module))
    return tests
