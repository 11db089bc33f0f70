"Unit tests of the digest grouping."
import datetime as dt
import unittest

from yankomas_email.digest import (
    Item, current_slot, group_by_step, items_for, latest,
    office_summary, parse_times)

M = dt.timedelta(minutes=1)


def item(number, step, role, minutes, assignee=None):
    return Item(complaint=number, number='PGD/%05d' % number, category=1,
        subject='S', step=step, role=role, assignee=assignee,
        remaining=minutes * M, overdue=minutes < 0)


ITEMS = [
    item(1, 'intake', 'petugas', -90),
    item(2, 'intake', 'petugas', 20),
    item(3, 'intake', 'petugas', 400),
    item(4, 'subsection', 'kasubsi', -5),
    item(5, 'resolution', 'petugas', 30, assignee=7),
    item(6, 'section', 'kasi', 100),
    item(7, 'directed', 'kasubsi', -1),
    ]


class DigestTestCase(unittest.TestCase):

    def numbers(self, items):
        return [i.complaint for i in items]

    def test_officer_sees_own_late_or_due(self):
        self.assertEqual(self.numbers(
                items_for(ITEMS, 1, {'petugas'}, 60 * M)), [1, 2, 5])

    def test_kasubsi_oversees_late_officers(self):
        self.assertEqual(self.numbers(
                items_for(ITEMS, 2, {'kasubsi'}, 60 * M)), [1, 4, 7])

    def test_kasi_oversees_the_section(self):
        self.assertEqual(self.numbers(
                items_for(ITEMS, 3, {'kasi'}, 60 * M)), [1, 4, 7])
        self.assertEqual(self.numbers(
                items_for(ITEMS, 3, {'kasi'}, 120 * M)), [1, 4, 6, 7])

    def test_assigned_step_counts_as_own(self):
        self.assertEqual(self.numbers(
                items_for(ITEMS, 7, {'duta_layanan'}, 60 * M)), [5])

    def test_grouped_by_sop_step_most_overdue_first(self):
        groups = group_by_step(ITEMS)
        self.assertEqual([s for s, _ in groups],
            ['intake', 'subsection', 'section', 'directed', 'resolution'])
        self.assertEqual(self.numbers(groups[0][1]), [1, 2, 3])

    def test_office_summary(self):
        summary = dict((s, rest) for s, *rest in office_summary(
                    ITEMS, {'intake': (3, 4)}))
        self.assertEqual(summary['intake'], [3, 1, 0.75])
        self.assertEqual(summary['reception'], [0, 0, None])

    def test_latest(self):
        self.assertEqual(self.numbers(latest(ITEMS, 2)), [1, 4])

    def test_times(self):
        self.assertEqual(parse_times(' 13:00,07:30 '),
            [dt.time(7, 30), dt.time(13)])
        for bad in ['', 'pagi', '25:00', '7.30']:
            with self.assertRaises(ValueError):
                parse_times(bad)
        times = parse_times('07:30, 13:00')
        self.assertIsNone(current_slot(times, dt.datetime(2026, 4, 6, 7, 0)))
        self.assertEqual(current_slot(times, dt.datetime(2026, 4, 6, 12, 59)),
            dt.time(7, 30))
        self.assertEqual(current_slot(times, dt.datetime(2026, 4, 6, 18, 0)),
            dt.time(13))
