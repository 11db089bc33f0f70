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

# The fields of a detail row, in the order of the CSV's columns (no: the
# running number).
FIELDS = [
    'no', 'number', 'application_number', 'received', 'complainant',
    'channel', 'category', 'handler', 'level', 'action_note', 'resolved',
    'working_time', 'standard', 'status']

Column = namedtuple('Column', ['fields', 'weight', 'cap', 'align', 'longest'],
    defaults=[None, None, 'left', 16])
Column.__doc__ = """A column of the table: the fields it shows, one below
the other (an empty one left out), weight (a share of the free width) or
None (fitted to its values, at most cap pt wide), align, and the longest
run of characters without a break that its cells keep as it is."""

# The application number goes under the complaint's: the width of a column
# goes to the action taken.
COLUMNS = [
    Column(('no',), cap=30, align='right', longest=6),
    Column(('number', 'application_number'), cap=150, longest=28),
    Column(('received',), cap=70, longest=12),
    Column(('complainant',), weight=1.2),
    Column(('channel',), weight=0.9),
    Column(('category',), weight=1.1),
    Column(('handler',), weight=1.1),
    Column(('level',), weight=0.9),
    Column(('action_note',), weight=3.4),
    Column(('resolved',), cap=70, longest=12),
    Column(('working_time',), cap=60, align='right', longest=12),
    Column(('standard',), cap=60, align='right', longest=12),
    Column(('status',), weight=0.8),
    ]
# The fields whose date and time go on two lines.
TWO_LINES = {'received', 'resolved'}
_RUN = re.compile(r'\S+')


def breakable(text, longest):
    """text with a break opportunity between the characters of each run
    longer than longest characters without a space."""
    def split(match):
        run = match.group(0)
        return ZWSP.join(run) if len(run) > longest else run
    return _RUN.sub(split, text)


def cell(column, texts):
    """The text of a cell of column from the texts of its fields, ready for
    the table."""
    lines = []
    for field, text in zip(column.fields, texts):
        if field in TWO_LINES:
            text = text.replace(' ', '\n', 1)
        if text:
            lines.append(breakable(text, column.longest))
    return '\n'.join(lines)


def table(headers, rows):
    """The table's part of the document: the headers and the rows (texts
    of FIELDS, in their order) as COLUMNS set them, and their layout."""
    index = {f: i for i, f in enumerate(FIELDS)}

    def pick(values, column):
        return [values[index[f]] for f in column.fields]
    return {
        'head': ['\n'.join(pick(headers, c)) for c in COLUMNS],
        'rows': [[cell(c, pick(row, c)) for c in COLUMNS] for row in rows],
        'columns': [{
                'weight': c.weight,
                'cap': c.cap,
                'align': c.align,
                } for c in COLUMNS],
        }
