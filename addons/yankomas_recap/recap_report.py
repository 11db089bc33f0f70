import csv
import io

from pypdf import PdfReader, PdfWriter

from trytond.i18n import gettext
from trytond.pool import Pool
from trytond.report import Report
from trytond.transaction import Transaction, without_check_access

from yankomas_complaint.confidentiality import masked_text
from yankomas_complaint.roles import holders
from yankomas_complaint.spreadsheet import safe_cell
from yankomas_document.document import OfficeReport

from . import detail
from .durations import with_units
from .period_label import whole_month
from .recap import SIGNATURES
from .typeset import compile_recap

# The columns of the detail rows, in the CSV and (as detail.COLUMNS lays
# them out) in the PDF; no: the running number.
LINE_COLUMNS = detail.FIELDS


class RecapReport(OfficeReport):
    """Laporan Rekapitulasi Penanganan Pengaduan, as a PDF: its first
    sections from recap.html (WeasyPrint), the detail rows and the sign-off
    from recap_detail.typ (Typst)."""
    __name__ = 'yankomas.recap.report'

    @classmethod
    def get_context(cls, records, header, data):
        context = super().get_context(records, header, data)
        context['summary'] = cls.summary
        context['duration'] = cls.duration
        context['share'] = cls.share
        context['period_label'] = cls.period_label
        context['open_cases'] = cls.open_cases
        context['sections'] = cls.sections
        return context

    @classmethod
    def _execute(cls, records, header, data, action):
        """Each recap's PDF: the front from the HTML template, then the
        rest set by Typst around it; several recaps one after the other."""
        documents = []
        for recap in records:
            with Transaction().set_context(Transaction().context):
                context = cls.get_context([recap], header, data)
                _, front = cls.convert(action, cls.render(action, context))
                pages = len(PdfReader(io.BytesIO(front)).pages)
                documents.append(compile_recap(
                        front, cls.document_data(recap, pages)))
        if len(documents) == 1:
            return 'pdf', documents[0]
        writer = PdfWriter()
        for document in documents:
            writer.append(io.BytesIO(document))
        output = io.BytesIO()
        writer.write(output)
        return 'pdf', output.getvalue()

    @classmethod
    def document_data(cls, recap, front_pages):
        "What recap_detail.typ sets after the front_pages of the front."
        Line = Pool().get('yankomas.recap.line')
        strings = Line.fields_get(LINE_COLUMNS[1:])
        headers = [gettext('yankomas_recap.msg_recap_column_no')] + [
            strings[c]['string'] for c in LINE_COLUMNS[1:]]
        details = detail.table(headers, cls.detail_rows(recap, zone=False))
        details.update({
                'title': gettext('yankomas_recap.msg_recap_detail_title'),
                'hint': gettext('yankomas_recap.msg_recap_detail_hint',
                    zone=cls.zone_name(recap)),
                'empty': gettext('yankomas_recap.msg_recap_detail_empty'),
                })
        return {
            'title': recap.number,
            'lang': (Transaction().language or 'en').split('_')[0],
            'front_pages': front_pages,
            'details': details,
            'signoff': {
                'title': gettext('yankomas_recap.msg_recap_signoff_title'),
                'stages': cls.sign_off(recap),
                },
            }

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
        "A working time with its units in the reader's language: 1 j 05 m."
        if delta is None:
            return '-'
        return with_units(delta,
            gettext('yankomas_recap.msg_recap_unit_hour'),
            gettext('yankomas_recap.msg_recap_unit_minute'))

    @staticmethod
    def share(part, whole):
        return '%.1f%%' % (100.0 * part / whole) if whole else '-'

    @classmethod
    def period_label(cls, recap):
        """The period as the cover names it: a whole month by its name
        ("November 2026"), another period by its kind and dates."""
        Lang = Pool().get('ir.lang')
        lang = Lang.get()
        if whole_month(recap.from_date, recap.to_date):
            return lang.strftime(recap.from_date, '%B %Y')
        return '%s: %s – %s' % (recap.period_string,
            cls.format_date(recap.from_date), cls.format_date(recap.to_date))

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
                ids, LINE_COLUMNS[1:] + ['confidential', 'anonymous'])}
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
                return cls.duration(value) if value is not None else ''
            return value or ''
        return [[str(n)] + [text(l, c) for c in LINE_COLUMNS[1:]]
            for n, l in enumerate(lines, 1)]

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
    def own_job_title(user):
        "The job title (jabatan) of user's employee, if it is recorded."
        employee = user.employee if user else None
        return (employee.yankomas_job_title or None) if employee else None

    @staticmethod
    def role_title(role, company):
        "The full title of role at company, in the reader's language."
        return gettext('yankomas_recap.msg_recap_title_%s' % role,
            office=company.rec_name)

    @classmethod
    def sign_off(cls, recap):
        """Each stage of the sign-off, as printed: its caption, and the job
        title, name and NIP of who signed it, or, before they sign, of who
        holds its role in the office now (the author first for the
        submission); the time it was signed."""
        Signature = Pool().get('yankomas.recap.signature')
        captions = dict(Signature.fields_get(['stage'])['stage']['selection'])
        signed = {s.stage: s for s in recap.signatures}
        signers = {s.user for s in recap.signatures}
        stages = []
        for stage, (_, role) in SIGNATURES.items():
            signature = signed.get(stage)
            if signature:
                name, nip, title = (signature.signer, signature.nip,
                    signature.job_title)
                moment = gettext('yankomas_recap.msg_recap_signed_at',
                    moment=cls.local_datetime(
                        recap.company, signature.signed))
            else:
                with without_check_access():
                    users = [u for u in holders(recap.company, role)
                        if u not in signers]
                if stage == 'submit':
                    users.sort(key=lambda u: u != recap.create_uid)
                user = users[0] if users else None
                name, nip = cls.signer(user), cls.nip(user)
                title = cls.own_job_title(user)
                moment = ''
            stages.append({
                    'caption': captions[stage],
                    'job_title': title or cls.role_title(role, recap.company),
                    'signed': moment,
                    'name': name or '',
                    'nip': gettext('yankomas_recap.msg_recap_nip',
                        nip=nip or '-'),
                    })
        return stages


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
        headers = Line.fields_get(LINE_COLUMNS[1:])
        output = io.StringIO()
        writer = csv.writer(output)
        writer.writerow([gettext('yankomas_recap.msg_recap_column_no')]
            + [headers[c]['string'] for c in LINE_COLUMNS[1:]])
        for recap in recaps:
            writer.writerows([safe_cell(c) for c in row]
                for row in RecapReport.detail_rows(recap))
        # A BOM so that spreadsheets read the UTF-8 names right.
        content = ('\ufeff' + output.getvalue()).encode('utf-8')
        name = '%s-%s' % (action.name, '-'.join(
                r.number.replace('/', '-') for r in recaps))
        return ('csv', content, False, name)
