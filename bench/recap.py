"""Benchmark of the Laporan Rekapitulasi: one month's recap of one office.

    PYTHONOPTIMIZE=1 .venv/bin/python bench/recap.py [MONTH] [TOTALS...]
    PYTHONOPTIMIZE=1 .venv/bin/python bench/recap.py --engines [MONTH]

Loads complaints into a fresh PostgreSQL database, MONTH of them (1,000 by
default, some 50 a working day) in November 2026 and the rest in the months
before (every 17th of the last two months still open), so that the database
holds each of TOTALS (10,000 and 100,000 by default). For each it times the
recap of November: the figures (grouped SQL, stored on the record), the PDF
(its first sections by WeasyPrint, the detail rows and the sign-off by
Typst) and the CSV, each the best of three, and prints the figures' time as
a ratio to the raw SQL of its main query. A month's recap should not grow
with the size of the database.

With --engines, it sets the month's detail rows (the recap's own cells) as a
ruled table in 8 pt DejaVu Sans on A4 landscape, the header repeated on
every page, with each engine that can: a WeasyPrint HTML table
(table-layout: fixed), a ReportLab table (if reportlab is installed; it is
not a dependency) and Typst (the recap's template), once each, with the
pages each makes. Prints figures, asserts nothing; the work is rolled back.
"""
import datetime as dt
import html
import io
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import copy_rows, create_office, fresh_database, progress  # noqa
from pypdf import PdfReader  # noqa

BATCH = 20_000
MONTH_START = dt.datetime(2026, 11, 1) - dt.timedelta(hours=7)
MONTH_END = dt.datetime(2026, 12, 1) - dt.timedelta(hours=7)
CHANNELS = ['walk_in', 'phone', 'email', 'web', 'whatsapp', 'letter']
# Resolutions of the lengths offices write, one to three lines in the PDF.
RESOLUTIONS = [
    'Dijelaskan persyaratan penggantian paspor rusak; pemohon datang '
    'kembali membawa dokumen asli.',
    'Jadwal wawancara dipindahkan ke hari kerja berikutnya.',
    'Selesai.',
    'PNBP yang terbayar dua kali dikembalikan sesuai ketentuan; bukti '
    'transfer dikirim kepada pengadu melalui surel.',
    ]
OFFICERS = ['Moh. Rizal Fahmi', 'Nur Aini Rahmawati']
COMPLAINANTS = ['Siti Aminah', 'Ni Made Ayu Kusumawati', 'Budi Santoso',
    'Muhammad Rizky Pratama', 'John Smith', 'Dewi Lestari']
# step, role, minutes taken, action
PATH_DESK = [('intake', 'petugas', 25, 'resolve')]
PATH_UP = [('intake', 'petugas', 35, 'escalate'),
    ('subsection', 'kasubsi', 50, 'decide'),
    ('resolution', 'petugas', 70, 'complete')]


def received_at(i, month, total):
    "The first MONTH complaints fall in November, the others before."
    if i < month:
        return MONTH_START + (MONTH_END - MONTH_START) * (i / month)
    # about MONTH a month, going back from October
    return MONTH_START - dt.timedelta(days=30 * ((i - month) / month + 0.01))


def load(database, month, total):
    from trytond.pool import Pool
    from trytond.transaction import Transaction
    Pool.start()
    pool = Pool(database)
    pool.init()
    with Transaction().start(database, 0) as transaction:
        Category = pool.get('yankomas.complaint.category')
        company, _ = create_office(pool)
        complainants = [p.id for p in pool.get('party.party').create(
                [{'name': n} for n in COMPLAINANTS])]
        categories = [c.id for c in Category.search([])]
        officers = [u.id for u in pool.get('res.user').create([
                    {'login': 'officer%d' % i, 'name': name}
                    for i, name in enumerate(OFFICERS)])]
        cursor = transaction.connection.cursor()
        now = dt.datetime(2026, 12, 2)
        for start in range(0, total, BATCH):
            size = min(BATCH, total - start)
            rows, paths = [], []
            for i in range(start, start + size):
                received = received_at(i, month, total)
                path = PATH_UP if i % 5 == 0 else PATH_DESK
                # Some recent complaints are still open; old ones are closed.
                open_ = i % 17 == 0 and i < 2 * month
                paths.append((received, path, open_))
                closed = None if open_ else received + dt.timedelta(
                    minutes=sum(p[2] for p in path))
                rows.append(('PGD/B/%07d' % i,
                        '2026%012d' % i if i % 3 else None, company.id,
                        CHANNELS[i % len(CHANNELS)], received,
                        'Bench %d' % i, complainants[i % len(complainants)],
                        COMPLAINANTS[i % len(COMPLAINANTS)],
                        i % 11 == 0,
                        'intake' if open_ else 'done', 'self',
                        categories[i % len(categories)],
                        None if open_ else RESOLUTIONS[i % len(RESOLUTIONS)],
                        closed, 0, now))
            copy_rows(cursor, 'yankomas_complaint', [
                    'number', 'application_number', 'company', 'channel',
                    'received', 'subject', 'complainant', 'complainant_name',
                    'confidential', 'state', 'representation',
                    'category', 'resolution', 'closed', 'create_uid',
                    'create_date'], rows)
            cursor.execute('SELECT id FROM yankomas_complaint '
                'ORDER BY id DESC LIMIT %s', (size,))
            ids = [i for i, in cursor.fetchall()][::-1]
            steps = []
            for n, (complaint_id, (received, path, open_)) in enumerate(
                    zip(ids, paths)):
                officer = officers[n % len(officers)]
                started = received
                for step, role, minutes, action in path[:1] if open_ else path:
                    ended = started + dt.timedelta(minutes=minutes)
                    steps.append((complaint_id, step, role,
                            officer if role == 'petugas' and not open_ else None,
                            started,
                            started + dt.timedelta(minutes=30 if step ==
                                'intake' else 60),
                            None if open_ else ended,
                            None if open_ else action,
                            None if open_ else dt.timedelta(minutes=minutes),
                            None if open_ else minutes <= 60, False, 0, now))
                    started = ended
            copy_rows(cursor, 'yankomas_complaint_step', [
                    'complaint', 'step', 'role', 'user', 'started',
                    'deadline',
                    'ended', 'action', 'duration', 'on_time', 'on_hold',
                    'create_uid', 'create_date'], steps)
            progress(start + size, total, 'complaints')
        cursor.execute('ANALYZE')
        transaction.commit()
    return pool, company.id


def timed(function, runs=3):
    """The shortest time of runs calls of function, and its result: the
    neighbours of a virtual machine make single timings vary twofold."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return min(times), result


def measure(database, pool, company_id):
    from trytond.transaction import Transaction
    from company_working_calendar import clock
    from yankomas_recap.recap_figures import line_values
    Recap = pool.get('yankomas.recap')
    Company = pool.get('company.company')
    RecapReport = pool.get('yankomas.recap.report', type='report')
    RecapCSV = pool.get('yankomas.recap.csv', type='report')
    clock.now = lambda: dt.datetime(2026, 12, 2, 2, 0)
    with Transaction().start(database, 0, context={
                'company': company_id, 'language': 'id'}) as transaction:
        company = Company(company_id)
        raw, _ = timed(lambda: list(line_values(
                    company, MONTH_START, MONTH_END)))
        recap, = Recap.create([{'company': company_id, 'period': 'month',
                    'from_date': dt.date(2026, 11, 1),
                    'to_date': dt.date(2026, 11, 30)}])
        figures, _ = timed(lambda: Recap.compute([recap]))
        # A server process loads WeasyPrint and the fonts once.
        first, _ = timed(
            lambda: RecapReport.execute([recap.id], {}), runs=1)
        pdf, (_, content, _, _) = timed(
            lambda: RecapReport.execute([recap.id], {}))
        if bytes(content[:4]) != b'%PDF':
            raise RuntimeError("The recap did not convert to PDF")
        csv, _ = timed(lambda: RecapCSV.execute([recap.id], {}))
        lines = len(recap.lines)
        pages = len(PdfReader(io.BytesIO(content)).pages)
        transaction.rollback()
    return raw, figures, first, pdf, csv, lines, len(content), pages


CSS = """@page { size: A4 landscape; margin: 14mm 12mm 16mm 12mm; }
body { font-family: 'DejaVu Sans'; font-size: 8pt; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
td, th { border: 0.5pt solid #000; padding: 2.5pt; vertical-align: top;
    text-align: left; overflow-wrap: anywhere; }
th { background: #e6e6e6; }"""


def weasyprint_table(headers, rows, weights):
    import weasyprint
    columns = ''.join('<col style="width: %.2f%%"/>' % (100 * w / sum(
                weights)) for w in weights)
    return weasyprint.HTML(string=''.join([
                '<html><head><style>', CSS, '</style></head><body><table>',
                '<colgroup>', columns, '</colgroup><thead><tr>',
                ''.join('<th>%s</th>' % html.escape(h) for h in headers),
                '</tr></thead><tbody>',
                ''.join('<tr>%s</tr>' % ''.join(
                        '<td>%s</td>' % html.escape(c) for c in row)
                    for row in rows),
                '</tbody></table></body></html>'])).write_pdf()


def reportlab_table(headers, rows, weights):
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import (
        Paragraph, SimpleDocTemplate, Table, TableStyle)
    from xml.sax.saxutils import escape
    fonts = '/usr/share/fonts/truetype/dejavu/'
    pdfmetrics.registerFont(TTFont('DejaVuSans', fonts + 'DejaVuSans.ttf'))
    pdfmetrics.registerFont(
        TTFont('DejaVuSans-Bold', fonts + 'DejaVuSans-Bold.ttf'))
    body = ParagraphStyle('body', fontName='DejaVuSans', fontSize=8,
        leading=9.6)
    head = ParagraphStyle('head', parent=body, fontName='DejaVuSans-Bold')
    output = io.BytesIO()
    size = landscape(A4)
    document = SimpleDocTemplate(output, pagesize=size, leftMargin=12 * mm,
        rightMargin=12 * mm, topMargin=14 * mm, bottomMargin=16 * mm)
    width = size[0] - 24 * mm
    table = Table(
        [[Paragraph(escape(h), head) for h in headers]]
        + [[Paragraph(escape(c).replace('\n', '<br/>'), body) for c in row]
            for row in rows],
        colWidths=[width * w / sum(weights) for w in weights], repeatRows=1)
    table.setStyle(TableStyle([
                ('GRID', (0, 0), (-1, -1), 0.5, (0, 0, 0)),
                ('VALIGN', (0, 0), (-1, -1), 'TOP'),
                ('BACKGROUND', (0, 0), (-1, 0), (0.9, 0.9, 0.9)),
                ]))
    document.build([table])
    return output.getvalue()


def typst_table(headers, rows, weights):
    import weasyprint
    from yankomas_recap import detail
    from yankomas_recap.typeset import compile_recap
    front = weasyprint.HTML(string='<p></p>').write_pdf()
    details = dict(detail.table(headers, rows), title='', hint='', empty='')
    return compile_recap(front, {'title': '', 'lang': 'id', 'front_pages': 1,
            'details': details, 'signoff': {'title': '', 'stages': []}})


ENGINES = [
    ('WeasyPrint table', weasyprint_table),
    ('ReportLab table', reportlab_table),
    ('Typst table', typst_table),
    ]
# The engines without Typst's fitted columns get fixed shares of the width.
WEIGHTS = [3, 12, 7, 10, 9, 8, 9, 8, 7, 17, 7, 6, 6, 6]


def engines(database, pool, company_id):
    "The detail rows of the month's recap set by each engine."
    from trytond.transaction import Transaction
    from company_working_calendar import clock
    from yankomas_recap.recap_report import LINE_COLUMNS
    Recap = pool.get('yankomas.recap')
    Line = pool.get('yankomas.recap.line')
    RecapReport = pool.get('yankomas.recap.report', type='report')
    clock.now = lambda: dt.datetime(2026, 12, 2, 2, 0)
    with Transaction().start(database, 0, context={
                'company': company_id, 'language': 'id'}) as transaction:
        recap, = Recap.create([{'company': company_id, 'period': 'month',
                    'from_date': dt.date(2026, 11, 1),
                    'to_date': dt.date(2026, 11, 30)}])
        Recap.compute([recap])
        strings = Line.fields_get(LINE_COLUMNS[1:])
        headers = ['No.'] + [strings[c]['string'] for c in LINE_COLUMNS[1:]]
        rows = RecapReport.detail_rows(recap, zone=False)
        for name, engine in ENGINES:
            try:
                took, content = timed(
                    lambda: engine(headers, rows, WEIGHTS), runs=1)
            except ImportError as error:
                print('%-17s not installed (%s)' % (name, error.name))
                continue
            pages = len(PdfReader(io.BytesIO(content)).pages)
            print('%-17s %d rows: %6.2f s, %d pages, %d KB' % (
                    name, len(rows), took, pages, len(content) // 1024))
        transaction.rollback()


def main():
    os.environ.setdefault('TRYTOND_DATABASE__URI', 'postgresql://')
    arguments = sys.argv[1:]
    if arguments[:1] == ['--engines']:
        month = int(arguments[1]) if len(arguments) > 1 else 1_000
        with fresh_database() as database:
            pool, company_id = load(database, month, month)
            engines(database, pool, company_id)
        return
    month = int(arguments[0]) if arguments else 1_000
    totals = [int(a) for a in arguments[1:]] or [10_000, 100_000]
    for total in totals:
        with fresh_database() as database:
            pool, company_id = load(database, month, total)
            raw, figures, first, pdf, csv, lines, size, pages = measure(
                database, pool, company_id)
        print('%7d complaints in the database, %d in the month: '
            'figures %.2f s (%.1f x the raw SQL of the detail rows, '
            '%.3f s), PDF %.2f s (%d pages, %d KB; the first in the '
            'process %.2f s), CSV %.2f s' % (
                total, lines, figures, figures / raw, raw, pdf, pages,
                size // 1024, first, csv))


if __name__ == '__main__':
    main()
