"""The pivot table of the board without the database: cells with their
measures, row and column totals, and the CSV of what is shown.

A cell comes from one grouped query as a Cell of sums: the complaints
counted, the closed steps, those closed on time and the working seconds they
took. On-time share and average working time are ratios of sums, so they add
up across cells. The count of complaints adds up too unless the table is cut
by step, where one complaint is in several steps: then the totals come from
their own grouped queries (distinct counts).
"""
import csv
import io
from dataclasses import dataclass

from yankomas_complaint.spreadsheet import safe_cell

DIMENSIONS = ('category', 'channel', 'state', 'step', 'month', 'officer')
MEASURES = ('count', 'on_time', 'duration')
# A dimension whose values a complaint can take several of at once.
MULTIVALUED = {'step'}
TOTAL = object()


@dataclass(frozen=True)
class Cell:
    count: int = 0          # complaints
    closed: int = 0         # steps closed
    on_time: int = 0        # of which on time
    seconds: float = 0.0    # working time of the closed steps

    def __add__(self, other):
        return Cell(self.count + other.count, self.closed + other.closed,
            self.on_time + other.on_time, self.seconds + other.seconds)

    def value(self, measure):
        """The measure: count, on-time share (0 to 1) or average working
        seconds; None where there is no closed step to measure."""
        if measure == 'count':
            return self.count
        if not self.closed:
            return None
        if measure == 'on_time':
            return self.on_time / self.closed
        return self.seconds / self.closed


def additive(rows, cols):
    "Whether the complaint counts of the cells add up to the totals."
    return not ({rows, cols} & MULTIVALUED)


def check(rows, cols, measure='count'):
    "Whether the dimensions and measure are known ones."
    return rows in DIMENSIONS and cols in DIMENSIONS and measure in MEASURES


def build(cells, row_counts=None, col_counts=None, total_count=None):
    """The table from {(row, col): Cell}.

    The *_counts give the complaint counts of the totals where they do not
    add up (see additive): {row: count}, {col: count} and the grand count.
    Returns (row keys, col keys, {(row, col): Cell}) where TOTAL stands for
    a total row or column; keys keep the order of first appearance."""
    row_keys, col_keys = [], []
    table = {}
    for (row, col), cell in cells.items():
        if row not in row_keys:
            row_keys.append(row)
        if col not in col_keys:
            col_keys.append(col)
        table[row, col] = table.get((row, col), Cell()) + cell
        table[row, TOTAL] = table.get((row, TOTAL), Cell()) + cell
        table[TOTAL, col] = table.get((TOTAL, col), Cell()) + cell
        table[TOTAL, TOTAL] = table.get((TOTAL, TOTAL), Cell()) + cell
    table.setdefault((TOTAL, TOTAL), Cell())

    def recount(key, count):
        cell = table.get(key, Cell())
        table[key] = Cell(count, cell.closed, cell.on_time, cell.seconds)
    for row, count in (row_counts or {}).items():
        recount((row, TOTAL), count)
    for col, count in (col_counts or {}).items():
        recount((TOTAL, col), count)
    if total_count is not None:
        recount((TOTAL, TOTAL), total_count)
    return row_keys, col_keys, table


def format_value(value, measure):
    "A measure as text: count, percentage, or hours as H:MM."
    if value is None:
        return ''
    if measure == 'count':
        return str(value)
    # Rounded as the page rounds them (board.js), half up.
    if measure == 'on_time':
        return '%d%%' % int(value * 100 + 0.5)
    minutes = int(value // 60)
    return '%d:%02d' % divmod(minutes, 60)


def to_csv(row_keys, col_keys, table, measure, label, headers):
    """The table as CSV text: a header line, one line per row, the totals
    last. label(dimension key) names a key; headers = (corner, total)."""
    corner, total = headers
    output = io.StringIO()
    writer = csv.writer(output, lineterminator='\r\n')
    writer.writerow([corner] + [safe_cell(label(c)) for c in col_keys]
        + [total])
    for row in list(row_keys) + [TOTAL]:
        writer.writerow(
            [total if row is TOTAL else safe_cell(label(row))]
            + [format_value(table[row, col].value(measure), measure)
                if (row, col) in table else ''
                for col in list(col_keys) + [TOTAL]])
    return output.getvalue()
