"Unit and property tests of the board's pure logic: moves, clock, pivot."
import csv
import datetime as dt
import io
import unittest

from hypothesis import given, settings
from hypothesis import strategies as st

from yankomas_board.kanban import (
    COLUMNS, WorkingClock, minutes, move_button, needs_note)
from yankomas_complaint.pipeline import BUTTONS, STATES
from yankomas_board.pivot import (
    TOTAL, Cell, additive, build, check, format_value, to_csv)
from company_working_calendar.working_time import WorkingCalendar, default_hours

JAKARTA = WorkingCalendar('Asia/Jakarta', default_hours(),
    closed=frozenset({dt.date(2026, 4, 3), dt.date(2026, 5, 1)}))
START = dt.datetime(2026, 3, 1)
instants = st.integers(0, 90 * 24 * 60).map(
    lambda m: START + dt.timedelta(minutes=m))


class BoundedTestCase(unittest.TestCase):

    def test_bounded(self):
        from yankomas_board.kanban import MAX_ID, bounded
        self.assertEqual(bounded('12'), 12)
        self.assertEqual(bounded(0, low=0), 0)
        for bad in [0, -1, MAX_ID + 1, 10 ** 30, 'abc', None, True, 1.5]:
            with self.assertRaises((TypeError, ValueError)):
                bounded(bad)


class MovesTestCase(unittest.TestCase):

    def test_columns_are_the_states(self):
        self.assertEqual(COLUMNS, STATES)

    def test_every_button_is_a_move(self):
        "Each button, from each state it may be pressed in, is one move"
        for button, (sources, target) in BUTTONS.items():
            for source in sources:
                self.assertEqual(move_button(source, target), button)

    def test_moves_the_sop_has_not(self):
        for source, target in [
                ('reception', 'done'), ('section', 'cancelled'),
                ('subsection', 'intake'), ('done', 'intake'),
                ('intake', 'intake'), ('intake', 'nowhere')]:
            self.assertIsNone(move_button(source, target), (source, target))

    def test_note(self):
        self.assertFalse(needs_note('direct'))
        self.assertTrue(needs_note('request_direction'))

    def test_minutes(self):
        self.assertEqual(minutes(dt.timedelta(minutes=-90, seconds=-30)), -90)
        self.assertEqual(minutes(dt.timedelta(hours=2, seconds=59)), 120)
        self.assertIsNone(minutes(None))


class WorkingClockTestCase(unittest.TestCase):

    @settings(deadline=None, max_examples=200)
    @given(st.lists(instants, min_size=1, max_size=8), instants)
    def test_same_as_the_engine(self, deadlines, now):
        "Every answer equals the engine's own walk of the calendar"
        clock = WorkingClock(JAKARTA, deadlines + [now])
        for deadline in deadlines:
            self.assertEqual(clock.between(now, deadline),
                JAKARTA.signed_elapsed(now, deadline), (now, deadline))

    def test_late_across_a_holiday(self):
        "Due Thursday 2 April 16:00 WIB, now Monday 6 April 08:30 WIB"
        deadline = dt.datetime(2026, 4, 2, 9)
        now = dt.datetime(2026, 4, 6, 1, 30)
        clock = WorkingClock(JAKARTA, [deadline, now])
        # Good Friday is closed: one hour of Monday morning has passed.
        self.assertEqual(clock.between(now, deadline), -dt.timedelta(hours=1))

    def test_single_instant(self):
        clock = WorkingClock(JAKARTA, [START])
        self.assertEqual(clock.between(START, START), dt.timedelta(0))


class PivotTestCase(unittest.TestCase):

    cells = {
        ('a', 'x'): Cell(2, 4, 3, 3600.0),
        ('a', 'y'): Cell(1, 1, 0, 600.0),
        ('b', 'x'): Cell(5, 0, 0, 0.0),
        }

    def test_additive_totals(self):
        rows, cols, table = build(self.cells)
        self.assertEqual((rows, cols), (['a', 'b'], ['x', 'y']))
        self.assertEqual(table['a', TOTAL], Cell(3, 5, 3, 4200.0))
        self.assertEqual(table[TOTAL, 'x'], Cell(7, 4, 3, 3600.0))
        self.assertEqual(table[TOTAL, TOTAL], Cell(8, 5, 3, 4200.0))
        self.assertEqual(table[TOTAL, TOTAL].value('on_time'), 3 / 5)
        self.assertEqual(table[TOTAL, TOTAL].value('duration'), 840.0)
        self.assertIsNone(table['b', 'x'].value('on_time'))

    def test_distinct_counts_of_totals(self):
        "Cut by step, the totals' counts are given, the rest still adds up"
        rows, cols, table = build(self.cells, row_counts={'a': 2},
            col_counts={'x': 6}, total_count=6)
        self.assertEqual(table['a', TOTAL], Cell(2, 5, 3, 4200.0))
        self.assertEqual(table[TOTAL, 'x'].count, 6)
        self.assertEqual(table[TOTAL, TOTAL].count, 6)
        self.assertEqual(table[TOTAL, TOTAL].closed, 5)

    def test_empty(self):
        rows, cols, table = build({})
        self.assertEqual((rows, cols), ([], []))
        self.assertEqual(table[TOTAL, TOTAL].value('count'), 0)

    @given(st.dictionaries(
            st.tuples(st.sampled_from('abc'), st.sampled_from('xyz')),
            st.builds(Cell, st.integers(0, 50), st.integers(0, 50),
                st.integers(0, 50), st.floats(0, 1e6)), max_size=9))
    def test_totals_are_the_sums(self, cells):
        rows, cols, table = build(cells)
        for row in rows:
            self.assertEqual(table[row, TOTAL].count,
                sum(c.count for (r, _), c in cells.items() if r == row))
        self.assertEqual(table[TOTAL, TOTAL].count,
            sum(c.count for c in cells.values()))
        self.assertEqual(table[TOTAL, TOTAL].closed,
            sum(c.closed for c in cells.values()))

    def test_check(self):
        self.assertTrue(check('category', 'state'))
        self.assertTrue(check('month', 'officer', 'duration'))
        self.assertFalse(check('category', None))
        self.assertFalse(check('id; DROP TABLE', 'state'))
        self.assertFalse(check('category', 'state', 'sum'))
        self.assertFalse(additive('step', 'state'))
        self.assertTrue(additive('category', 'state'))

    def test_format(self):
        self.assertEqual(format_value(3, 'count'), '3')
        self.assertEqual(format_value(2 / 3, 'on_time'), '67%')
        self.assertEqual(format_value(5430, 'duration'), '1:30')
        self.assertEqual(format_value(0.665, 'on_time'), '67%')
        self.assertEqual(format_value(None, 'duration'), '')

    def test_csv(self):
        rows, cols, table = build(self.cells)
        text = to_csv(rows, cols, table, 'count', str.upper,
            ('Kategori \\ Status', 'Total'))
        lines = list(csv.reader(io.StringIO(text)))
        self.assertEqual(lines, [
                ['Kategori \\ Status', 'X', 'Y', 'Total'],
                ['A', '2', '1', '3'],
                ['B', '5', '', '5'],
                ['Total', '7', '1', '8'],
                ])


if __name__ == '__main__':
    unittest.main()


class PageLanguageTestCase(unittest.TestCase):
    "The language of the sign-in page, before there is a user"

    def test_indonesian_first(self):
        from yankomas_board.language import page_language
        both = ['en', 'id']
        self.assertEqual(page_language(['id-ID', 'id', 'en-US'], both), 'id')
        # An office's English browser that still accepts Indonesian.
        self.assertEqual(page_language(['en-US', 'en', 'id'], both), 'id')
        self.assertEqual(page_language([], both), 'id')
        self.assertEqual(page_language(['*'], both), 'id')
        self.assertEqual(page_language(['fr-FR', 'de'], both), 'id')

    def test_another_language_the_database_has(self):
        from yankomas_board.language import page_language
        self.assertEqual(page_language(['en-GB', 'en'], ['en', 'id']), 'en')
        self.assertEqual(page_language(['fr', 'pt-BR'], ['pt_BR', 'id']),
            'pt_BR')
        self.assertEqual(page_language(['pt'], ['pt_BR', 'id']), 'pt_BR')
        # Without Indonesian in the database, the default stays the last
        # resort.
        self.assertEqual(page_language(['fr'], ['en']), 'id')

    @given(st.lists(st.sampled_from(
                ['id', 'id-ID', 'en', 'en-US', 'fr', 'pt-BR', '*', ''])))
    def test_always_an_available_or_default(self, accepted):
        from yankomas_board.language import page_language
        available = ['en', 'id', 'pt_BR']
        found = page_language(accepted, available)
        self.assertIn(found, available)
        if any(t.startswith('id') for t in accepted):
            self.assertEqual(found, 'id')
