import csv
import io

from trytond.i18n import gettext
from trytond.pool import Pool
from trytond.report import Report

from company_working_calendar.working_time import format_duration
from yankomas_complaint.confidentiality import masked_text
from yankomas_complaint.spreadsheet import safe_cell
from yankomas_document.document import OfficeReport

from .listing import Column, Listing

# The columns of the detail rows, in the PDF and in the CSV.
LINE_COLUMNS = [
    'number', 'received', 'complainant', 'channel', 'category', 'handler',
    'level', 'action_note', 'resolved', 'working_time', 'standard', 'status']
# The detail rows in the PDF: a listing (see listing.py) whose columns, in
# characters, fill the width of document.css's landscape page at 6.2 pt; the
# lines are spaced so that the rules between rows clear the letters.
LISTING = Listing([
        Column(18), Column(16), Column(20), Column(18), Column(18),
        Column(16), Column(15), Column(29), Column(16), Column(8, 'right'),
        Column(8, 'right'), Column(12)],
    font_size=6.2, line_height=8.4)
LANDSCAPE_HEIGHT = 510  # pt, A4 landscape less document.css's margins
TITLE_HEIGHT = 40  # pt, the section's title and hint above the listing


class RecapReport(OfficeReport):
    "Laporan Rekapitulasi Penanganan Pengaduan, as a PDF."
    __name__ = 'yankomas.recap.report'

    @classmethod
    def get_context(cls, records, header, data):
        context = super().get_context(records, header, data)
        context['summary'] = cls.summary
        context['duration'] = cls.duration
        context['share'] = cls.share
        context['detail_sheets'] = cls.detail_sheets
        context['zone_name'] = cls.zone_name
        context['signature'] = cls.signature
        context['open_cases'] = cls.open_cases
        context['sections'] = cls.sections
        context['stages'] = [s for s, _ in Pool().get(
                'yankomas.recap.signature').stage.selection]
        return context

    @classmethod
    def sections(cls, recap):
        """The sections other modules add to recap's report (markup), before
        its conclusions."""
        return []

    @staticmethod
    def labels(model, field):
        "The selection labels of field, in the reader's language."
        Model = Pool().get(model)
        selection = Model.fields_get([field])[field]['selection']
        if isinstance(selection, str):
            selection = getattr(Model, selection)()
        return dict(selection)

    @classmethod
    def summary(cls, recap, column):
        "(label, count) of the period's complaints grouped by column."
        rows = recap.summary(column)
        if column == 'category':
            Category = Pool().get('yankomas.complaint.category')
            labels = {c.id: c.rec_name for c in Category.browse(
                    [k for k, _ in rows if k is not None])}
        else:
            labels = cls.labels('yankomas.recap.line', column)
        return [(labels.get(key) or '-', count) for key, count in rows]

    @staticmethod
    def duration(delta):
        return format_duration(delta) if delta is not None else '-'

    @staticmethod
    def share(part, whole):
        return '%.1f%%' % (100.0 * part / whole) if whole else '-'

    @classmethod
    def detail_rows(cls, recap, zone=True):
        """The text of each detail row's columns, as the PDF and the CSV
        show them; the labels are looked up once, not per row. The times
        are the office's, with the zone's name when zone."""
        pool = Pool()
        Category = pool.get('yankomas.complaint.category')
        Line = pool.get('yankomas.recap.line')
        # read() rather than records: a thousand lines read in one go; it
        # does not keep the order of the ids.
        ids = [l.id for l in recap.lines]
        values = {v['id']: v for v in Line.read(
                ids, LINE_COLUMNS + ['confidential', 'anonymous'])}
        lines = [values[i] for i in ids]
        labels = {c: cls.labels('yankomas.recap.line', c)
            for c in ('channel', 'level', 'status')}
        labels['category'] = {c.id: c.rec_name for c in Category.browse(
                list({l['category'] for l in lines if l['category']}))}
        confidential = masked_text()
        anonymous = gettext('yankomas_complaint.msg_anonymous')
        format_local = pool.get('company.working_calendar').of(
            recap.company).format_local

        def text(line, column):
            value = line[column]
            if column == 'complainant' and line['anonymous']:
                return anonymous
            if column == 'complainant' and line['confidential']:
                return confidential
            if column in labels:
                return labels[column].get(value) or ''
            if column in {'received', 'resolved'}:
                return format_local(value, zone=zone)
            if column in {'working_time', 'standard'}:
                return format_duration(value) if value is not None else ''
            return value or ''
        return [[text(l, c) for c in LINE_COLUMNS] for l in lines]

    @classmethod
    def detail_sheets(cls, recap):
        "The pages of the detail rows, as the HTML of LISTING's sheets."
        Line = Pool().get('yankomas.recap.line')
        strings = Line.fields_get(LINE_COLUMNS)
        rest = LISTING.capacity(LANDSCAPE_HEIGHT)
        first = LISTING.capacity(LANDSCAPE_HEIGHT - TITLE_HEIGHT)
        return LISTING.markup(LISTING.sheets(
                [strings[c]['string'] for c in LINE_COLUMNS],
                cls.detail_rows(recap, zone=False), first, rest))

    @staticmethod
    def zone_name(recap):
        "The name of the office's time zone at the end of the period."
        return recap.calendar.zone_name(recap.period_bounds[1])

    @staticmethod
    def open_cases(recap):
        "The cases open at the end of the period, latest first."
        return sorted(recap.open_lines,
            key=lambda l: (l.late is not None, l.late), reverse=True)

    @staticmethod
    def signature(recap, stage):
        for signature in recap.signatures:
            if signature.stage == stage:
                return signature


class RecapCSV(Report):
    "The detail rows of a recap report as CSV, the PDF's figures."
    __name__ = 'yankomas.recap.csv'

    @classmethod
    def execute(cls, ids, data):
        pool = Pool()
        Recap = pool.get('yankomas.recap')
        Line = pool.get('yankomas.recap.line')
        ActionReport = pool.get('ir.action.report')
        action, = ActionReport.search([
                ('report_name', '=', cls.__name__)])
        cls.check_access(action, 'yankomas.recap', ids)
        recaps = Recap.browse(ids)
        headers = Line.fields_get(LINE_COLUMNS)
        output = io.StringIO()
        writer = csv.writer(output)
        writer.writerow([headers[c]['string'] for c in LINE_COLUMNS])
        for recap in recaps:
            writer.writerows([safe_cell(c) for c in row]
                for row in RecapReport.detail_rows(recap))
        # A BOM so that spreadsheets read the UTF-8 names right.
        content = ('\ufeff' + output.getvalue()).encode('utf-8')
        name = '%s-%s' % (action.name, '-'.join(
                r.number.replace('/', '-') for r in recaps))
        return ('csv', content, False, name)
