"""The detail rows of a recap as a ruled table: the columns, their widths
and the text of their cells, as recap_detail.typ lays them out (Typst).

A column is *fitted* (as wide as its widest value, up to a cap: numbers,
dates and durations stay whole on their line) or *flexible* (a share of
the rest of the width, its text wrapping between words). A run of more
than a few characters without a space, which no column could hold, gets a
break opportunity between its characters (a zero-width space), so that it
wraps inside its cell instead of running over the next one.

    >>> breakable('Siti Aminah', 8)
    'Siti Aminah'
    >>> breakable('PGD/PMK', 4) == '\\u200b'.join('PGD/PMK')
    True
"""
import re
from collections import namedtuple

ZWSP = '\u200b'

Column = namedtuple('Column', ['field', 'weight', 'cap', 'align', 'longest'],
    defaults=[None, None, 'left', 16])
Column.__doc__ = """A column of the detail rows: field of the recap line
(no: the running number), weight (a share of the free width) or None
(fitted to its values, at most cap pt wide), align, and the longest run of
characters without a break that its cells keep as it is."""

COLUMNS = [
    Column('no', cap=30, align='right', longest=6),
    Column('number', cap=150, longest=28),
    Column('received', cap=70, longest=12),
    Column('application_number', cap=100, longest=19),
    Column('complainant', weight=1.1),
    Column('channel', weight=1),
    Column('category', weight=1.1),
    Column('handler', weight=1),
    Column('level', weight=0.9),
    Column('action_note', weight=2.4),
    Column('resolved', cap=70, longest=12),
    Column('working_time', cap=60, align='right', longest=12),
    Column('standard', cap=60, align='right', longest=12),
    Column('status', weight=0.8),
    ]
# The columns whose date and time go on two lines.
TWO_LINES = {'received', 'resolved'}
_RUN = re.compile(r'\S+')


def breakable(text, longest):
    """text with a break opportunity between the characters of each run
    longer than longest characters without a space."""
    def split(match):
        run = match.group(0)
        return ZWSP.join(run) if len(run) > longest else run
    return _RUN.sub(split, text)


def cell(column, text):
    "The text of a cell of column, ready for the table."
    if column.field in TWO_LINES:
        text = text.replace(' ', '\n', 1)
    return breakable(text, column.longest)


def table(headers, rows):
    """The table's part of the document: the headers (labels of COLUMNS),
    the rows (their texts, in COLUMNS' order) and the columns' layout."""
    return {
        'head': headers,
        'rows': [[cell(c, t) for c, t in zip(COLUMNS, row)] for row in rows],
        'columns': [{
                'weight': c.weight,
                'cap': c.cap,
                'align': c.align,
                } for c in COLUMNS],
        }
