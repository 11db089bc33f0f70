import doctest
import unittest

from yankomas_complaint import spreadsheet
from yankomas_complaint.spreadsheet import safe_cell


class SafeCellTestCase(unittest.TestCase):

    def test_formulas_are_quoted(self):
        for text in ['=1+1', '+62 812', '-5', '@SUM(A1)', '\tx', '\rx']:
            self.assertEqual(safe_cell(text), "'" + text)

    def test_text_and_numbers_unchanged(self):
        for value in ['Siti Aminah', '', 'a=b', 0, None]:
            self.assertEqual(safe_cell(value), value)


def load_tests(loader, tests, pattern):
    tests.addTests(doctest.DocTestSuite(spreadsheet))
    return tests
