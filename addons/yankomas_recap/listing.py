"""A ruled listing: the rows of a long table laid out here as lines of text.

WeasyPrint lays out and draws every line box in Python, about a millisecond
each, and an HTML table needs at least one per cell: a month of a thousand
complaints printed as a table took some twenty seconds. A listing sets each
row in a monospaced font, every column a fixed number of characters wide, so
that WeasyPrint has one line box per line of the page, whatever the number of
columns; the rules between rows and columns are one SVG path per page, drawn
over the text (inline: Tryton's report engine fetches no data: URI). The
rows are paginated here too, so that every page repeats the header and no
row is split unless it is taller than a page. A character the font lacks
(Chinese, say) comes from another font, wider: its line shifts, nothing is
lost.

    >>> listing = Listing([Column(4), Column(3, 'right')], 6, 8)
    >>> listing.lines(['Siti Aminah', 7])
    ['Siti   7', 'Amin', 'ah']
"""
import textwrap
import unicodedata
from collections import namedtuple

from genshi.builder import tag
from genshi.input import XML

# The advance of every glyph of DejaVu Sans Mono, in em (1233 of 2048 units);
# other monospaced fonts are within a percent of it.
ADVANCE = 1233 / 2048
FONT_FAMILY = "'DejaVu Sans Mono', monospace"
RULE = 0.5  # pt

Column = namedtuple('Column', ['width', 'align'], defaults=['left'])
Column.__doc__ = "A column of width characters, aligned 'left' or 'right'."

Sheet = namedtuple('Sheet', ['head', 'head_rules', 'body', 'body_rules'])
Sheet.__doc__ = "A page of the listing: its text and its rules (SVG)."


def wrap(value, width):
    """The lines of value within width characters, its own line breaks kept.

    >>> wrap('Dijelaskan prosedur\\nLihat surat', 10)
    ['Dijelaskan', 'prosedur', 'Lihat', 'surat']
    >>> wrap('', 5), wrap(None, 5), wrap(12345678, 4)
    ([''], [''], ['1234', '5678'])
    """
    text = unicodedata.normalize('NFC', '' if value is None else str(value))
    lines = []
    for paragraph in text.splitlines():
        lines.extend(textwrap.wrap(paragraph, width, break_long_words=True))
    return lines or ['']


def align(text, column):
    "text padded to the width of column, on the side of its alignment."
    if column.align == 'right':
        return text.rjust(column.width)
    return text.ljust(column.width)


def paginate(rows, first, rest):
    """rows (each a list of lines) grouped into pages of at most first lines,
    then rest: a row moves whole to the next page, unless it is taller than
    a page, then it is split.

    >>> paginate([['a'], ['b', 'b'], ['c']], 2, 3)
    [[['a']], [['b', 'b'], ['c']]]
    >>> paginate([['x'] * 5], 2, 2)
    [[['x', 'x']], [['x', 'x']], [['x']]]
    """
    if first < 1 or rest < 1:
        raise ValueError("A page must hold at least one line")
    pages, page, room = [], [], first
    for lines in rows:
        if len(lines) > room and page:
            pages.append(page)
            page, room = [], rest
        while len(lines) > room:
            pages.append(page + [lines[:room]])
            lines = lines[room:]
            page, room = [], rest
        page.append(lines)
        room -= len(lines)
    if page:
        pages.append(page)
    return pages


def svg(width, height, path):
    "An SVG drawing of path, the listing's rules, width by height pt."
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="%.2fpt" '
        'height="%.2fpt" viewBox="0 0 %.2f %.2f"><path d="%s" '
        'stroke="#000" stroke-width="%s" fill="none"/></svg>' % (
            width, height, width, height, ' '.join(path), RULE))


class Listing:
    "The columns of a listing, set in a monospaced font of font_size pt."

    def __init__(self, columns, font_size, line_height):
        self.columns = columns
        self.font_size = font_size
        self.line_height = line_height
        self.advance = ADVANCE * font_size

    @property
    def characters(self):
        "The width of a line: the columns, a space between two, half at each end."
        return sum(c.width for c in self.columns) + len(self.columns)

    @property
    def width(self):
        "The width of the listing in pt, its frame included."
        return self.characters * self.advance + 2 * RULE

    @property
    def style(self):
        "The CSS of the listing's box: its font, size and frame."
        return ('font-family: %s; font-size: %spt; line-height: %spt; '
            'width: %.3fpt; border: %spt solid #000' % (
                FONT_FAMILY, self.font_size, self.line_height,
                self.characters * self.advance, RULE))

    @property
    def part_style(self):
        "The CSS of the header and rows: half a space at each end."
        return 'padding: 0 %.3fpt' % (self.advance / 2)

    def lines(self, values):
        "The lines of a row of values, one per column."
        cells = [wrap(v, c.width) for v, c in zip(values, self.columns)]
        return [' '.join(
                align(cell[i] if i < len(cell) else '', column)
                for cell, column in zip(cells, self.columns)).rstrip()
            for i in range(max(len(c) for c in cells))]

    def capacity(self, height):
        "How many lines fit in a listing height pt high, frame included."
        return int((height - 3 * RULE) // self.line_height)

    def rules(self, heights):
        """The SVG of the rules over blocks of heights lines: a line under
        every block but the last, one between every two columns."""
        width = self.characters * self.advance
        height = sum(heights) * self.line_height
        path, y = [], 0
        for lines in heights[:-1]:
            y += lines * self.line_height
            path.append('M0 %.2fH%.2f' % (y, width))
        # Half a space before the first column, a space between two: the
        # rule runs through the middle of that space.
        x = 0
        for column in self.columns[:-1]:
            x += column.width + 1
            path.append('M%.2f 0V%.2f' % (x * self.advance, height))
        return svg(width, height, path)

    def sheets(self, header, rows, first, rest):
        """The pages of the listing of rows (values) under header (labels):
        first lines on the first page, header included, rest on the others."""
        head = self.lines(header)
        pages = paginate([self.lines(r) for r in rows],
            first - len(head), rest - len(head))
        return [Sheet(
                head='\n'.join(head),
                head_rules=self.rules([len(head)]),
                body='\n'.join(line for block in page for line in block),
                body_rules=self.rules([len(block) for block in page]))
            for page in pages]

    def markup(self, sheets):
        "The HTML of sheets, for a template: the rules drawn over the text."
        def part(text, rules, class_):
            return tag.div(tag.span(XML(rules), class_='rules'), text,
                class_=class_, style=self.part_style)
        return tag(*(tag.div(
                    part(s.head, s.head_rules, 'listing-head'),
                    part(s.body, s.body_rules, 'listing-rows'),
                    class_='listing', style=self.style)
                for s in sheets))
