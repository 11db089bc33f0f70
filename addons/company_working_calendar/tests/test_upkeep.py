"Unit tests of the dates of Ramadan and of the calendar's upkeep."
import datetime as dt
import unittest

from company_working_calendar.ramadan import (
    hijri_year, package_ramadans, ramadans)
from company_working_calendar.upkeep import (
    HORIZON, runs_out, year_to_import)

D = dt.date


class RamadanTestCase(unittest.TestCase):

    def test_2026_thirty_days(self):
        "Ramadan 1447 H: 1 Ramadan 19 February, Idul Fitri 21 March 2026."
        self.assertEqual(package_ramadans([2026]),
            [(D(2026, 2, 19), D(2026, 3, 20))])

    def test_2024_twenty_nine_days(self):
        """Ramadan 1445 H: 1 Ramadan 12 March, Idul Fitri 10 April 2024; 30
        days before Idul Fitri would start it a day early."""
        (first, last), = package_ramadans([2024])
        self.assertEqual((first, last), (D(2024, 3, 12), D(2024, 4, 9)))
        self.assertEqual((last - first).days + 1, 29)

    def test_ending_in_the_next_year(self):
        "2030 has two: one from January, one from December to January 2031."
        self.assertEqual(package_ramadans([2030]), [
                (D(2030, 1, 6), D(2030, 2, 3)),
                (D(2030, 12, 26), D(2031, 1, 24)),
                ])

    def test_package_lacks_the_dates(self):
        "The package dates no Islamic day after 2100: no Ramadan."
        self.assertEqual(package_ramadans([2101]), [])

    def test_every_package_year_is_29_or_30_days(self):
        "Each year the package knows gives one Ramadan of 29 or 30 days."
        for year in range(1946, 2101):
            with self.subTest(year=year):
                periods = package_ramadans([year])
                self.assertIn(len(periods), (1, 2))
                for first, last in periods:
                    self.assertEqual(first.year, year)
                    self.assertIn((last - first).days + 1, (29, 30))

    def test_beginning_without_idul_fitri(self):
        "A 1 Ramadan with no Idul Fitri 29 or 30 days later gives none."
        self.assertEqual(ramadans([D(2026, 2, 19)], [D(2026, 3, 22)]), [])
        self.assertEqual(ramadans([D(2026, 2, 19)], []), [])

    def test_idul_fitri_without_beginning(self):
        "An Idul Fitri without its 1 Ramadan gives none."
        self.assertEqual(ramadans([], [D(2026, 3, 21)]), [])

    def test_each_beginning_its_idul_fitri(self):
        self.assertEqual(ramadans(
                [D(2026, 2, 19), D(2024, 3, 12)],
                [D(2026, 3, 21), D(2024, 4, 10), D(2025, 3, 31)]),
            [(D(2024, 3, 12), D(2024, 4, 9)), (D(2026, 2, 19), D(2026, 3, 20))])

    def test_hijri_year(self):
        self.assertEqual(hijri_year(D(2026, 2, 19)), 1447)
        self.assertEqual(hijri_year(D(2024, 3, 12)), 1445)
        self.assertEqual(hijri_year(D(2030, 12, 26)), 1452)
        years = [hijri_year(first) for y in range(1946, 2101)
            for first, _ in package_ramadans([y])]
        self.assertEqual(years, list(range(years[0], years[0] + len(years))))
        self.assertEqual(years[0], 1365)


class UpkeepTestCase(unittest.TestCase):

    def test_year_to_import(self):
        self.assertEqual(year_to_import(D(2026, 10, 1)), 2027)
        self.assertEqual(year_to_import(D(2026, 10, 31)), 2027)
        self.assertIsNone(year_to_import(D(2026, 9, 30)))
        self.assertIsNone(year_to_import(D(2026, 11, 1)))

    def test_runs_out(self):
        today = D(2026, 11, 1)
        self.assertTrue(runs_out(today, None))
        self.assertTrue(runs_out(today, D(2026, 3, 21)))
        self.assertTrue(runs_out(today, D(2026, 12, 25)))
        self.assertTrue(runs_out(today, today + HORIZON - dt.timedelta(1)))
        self.assertFalse(runs_out(today, today + HORIZON))
        self.assertFalse(runs_out(today, D(2027, 12, 25)))

    def test_gap_of_a_complete_year(self):
        """1 September 2026, no holiday until 24 December: the table is
        complete, it reaches past the horizon."""
        self.assertFalse(runs_out(D(2026, 9, 1), D(2026, 12, 25)))
