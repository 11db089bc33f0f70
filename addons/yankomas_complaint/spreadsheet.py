"""Cells written to CSV files that people open in a spreadsheet."""

# A cell starting with one of these is a formula to a spreadsheet.
FORMULA_STARTS = ('=', '+', '-', '@', '\t', '\r')


def safe_cell(value):
    """value as a cell that a spreadsheet shows and never runs: text typed
    by the public (a complainant's name, a note) may start like a formula.

    >>> safe_cell('=HYPERLINK("http://x")')
    '\\'=HYPERLINK("http://x")'
    >>> safe_cell('Siti'), safe_cell(3)
    ('Siti', 3)
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
