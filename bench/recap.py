"""Benchmark of the Laporan Rekapitulasi: one month's recap of one office.

    PYTHONOPTIMIZE=1 .venv/bin/python bench/recap.py [MONTH] [TOTALS...]

Loads complaints into a fresh PostgreSQL database, MONTH of them (1,000 by
default, some 50 a working day) in November 2026 and the rest in the months
before (every 17th of the last two months still open), so that the database
holds each of TOTALS (10,000 and 100,000 by default). For each it times the
recap of November: the figures (grouped SQL, stored on the record), the PDF
(WeasyPrint) and the CSV, each the best of three, and prints the figures'
time as a ratio to the raw SQL of its main query. A month's recap should not
grow with the size of the database. Prints figures, asserts nothing; the
work is rolled back.
"""
import datetime as dt
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import copy_rows, create_office, fresh_database, progress  # noqa

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
                rows.append(('PGD/B/%07d' % i, company.id,
                        CHANNELS[i % len(CHANNELS)], received,
                        'Bench %d' % i, complainants[i % len(complainants)],
                        i % 11 == 0,
                        'intake' if open_ else 'done', 'self',
                        categories[i % len(categories)],
                        None if open_ else RESOLUTIONS[i % len(RESOLUTIONS)],
                        closed, 0, now))
            copy_rows(cursor, 'yankomas_complaint', [
                    'number', 'company', 'channel', 'received', 'subject',
                    'complainant', 'confidential', 'state', 'representation',
                    'category', 'resolution', 'closed', 'create_uid',
                    'create_date'], rows)
            cursor.execute('SELECT id FROM yankomas_complaint '
                'ORDER BY id DESC LIMIT %s', (size,))
            ids = [i for i, in cursor.fetchall()][::-1]
            steps = []
            for complaint_id, (received, path, open_) in zip(ids, paths):
                started = received
                for step, role, minutes, action in path[:1] if open_ else path:
                    ended = started + dt.timedelta(minutes=minutes)
                    steps.append((complaint_id, step, role, started,
                            started + dt.timedelta(minutes=30 if step ==
                                'intake' else 60),
                            None if open_ else ended,
                            None if open_ else action,
                            None if open_ else dt.timedelta(minutes=minutes),
                            None if open_ else minutes <= 60, False, 0, now))
                    started = ended
            copy_rows(cursor, 'yankomas_complaint_step', [
                    'complaint', 'step', 'role', 'started', 'deadline',
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
    from yankomas_complaint.recap_figures import line_values
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
        transaction.rollback()
    return raw, figures, first, pdf, csv, lines, len(content)


def main():
    os.environ.setdefault('TRYTOND_DATABASE__URI', 'postgresql://')
    month = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000
    totals = [int(a) for a in sys.argv[2:]] or [10_000, 100_000]
    for total in totals:
        with fresh_database() as database:
            pool, company_id = load(database, month, total)
            raw, figures, first, pdf, csv, lines, size = measure(
                database, pool, company_id)
        print('%7d complaints in the database, %d in the month: '
            'figures %.2f s (%.1f x the raw SQL of the detail rows, '
            '%.3f s), PDF %.2f s (%d KB; the first in the process %.2f s), '
            'CSV %.2f s' % (
                total, lines, figures, figures / raw, raw, pdf,
                size // 1024, first, csv))


if __name__ == '__main__':
    main()
