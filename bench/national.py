"""The data set of an office network for bench/load.py: offices, their
staff and their complaints with their steps, the complaints loaded with
PostgreSQL COPY.

    PYTHONOPTIMIZE=1 .venv/bin/python bench/national.py DATABASE OUTPUT \\
        [--offices 125] [--staff 30] [--complaints 1000000]

DATABASE has the modules of `make production` activated (bench/load.py
makes it). For each office: its company (Asia/Jakarta), its registers
(complaints, integrity reports, recaps), a working calendar open every day
from 00:00 to 23:59 with no holiday around today (the figures must not
depend on the hour or the day the benchmark runs), and its staff as real
users of the roles' groups, with an e-mail (every one of them gets the
digest) and one password. Then the complaints, spread evenly over the
offices, each with its own complainant (a party) and its complete form, as
the SOP leaves them over a year: 70 % done, 5 % cancelled, the rest open
(12 % at intake, 5 % with the Kasubsi, 2 % with the Kasi, 1 % directed,
5 % back with the Petugas), each with the steps it went through. Of the
open steps 40 % are past their deadline and already noticed by the breach
scan, 0.1 % fall due in the next 40 minutes (the scan's work while the
benchmark runs: some 6 a minute in the whole network at its national
size), the others are due in the next days. The complaint keeps
its open step's deadline (current_deadline) as a transition does.

Writes OUTPUT (JSON) for bench/load.py: the password, the offices with
their staff (login, role, id), a sample of tracking codes, a draft recap of
last month per office, and the counts. The hash chains of loaded complaints
start at their first write through the application, as for records older
than the chains. Prints its progress; asserts nothing.
"""
import argparse
import datetime as dt
import json
import os
import random
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import copy_rows, progress  # noqa

PASSWORD = 'bench-staff'
# The share of each role among an office's staff (of 30: 3, 16, 6, 3, 1, 1).
ROLES = [('duta_layanan', 3), ('petugas', 16), ('kasubsi', 6), ('kasi', 3),
    ('kepala_kantor', 1), ('pengawas_internal', 1)]
# state: (share, steps it went through, the open step or None)
PATHS = {
    'done': (0.70, ['intake', 'subsection', 'resolution'], None),
    'cancelled': (0.05, ['intake'], None),
    'intake': (0.12, [], 'intake'),
    'subsection': (0.05, ['intake'], 'subsection'),
    'section': (0.02, ['intake', 'subsection'], 'section'),
    'directed': (0.01, ['intake', 'subsection', 'section'], 'directed'),
    'resolution': (0.05, ['intake', 'subsection'], 'resolution'),
    }
STEP_ROLE = {'intake': 'petugas', 'subsection': 'kasubsi', 'section': 'kasi',
    'directed': 'kasubsi', 'resolution': 'petugas'}
ACTION = {'intake': 'escalate', 'subsection': 'decide',
    'section': 'give_direction', 'directed': 'forward',
    'resolution': 'complete'}
NOTE = {'escalate': "Perlu keputusan Kasubsi.",
    'decide': "Loket tambahan dibuka sesuai jadwal layanan.",
    'give_direction': "Buka loket tambahan sore hari.",
    'forward': "Teruskan ke petugas.",
    'complete': "Pengadu dihubungi; loket dibuka.",
    'cancel': "Pengadu meninggalkan kantor sebelum pengaduan dicatat."}
CHANNELS = ['phone', 'walk_in', 'email', 'web', 'whatsapp', 'letter']
NAMES = ['Siti Aminah', 'Abdul Rahman', 'Budi Santoso', 'Dewi Lestari',
    'Muhammad Rizky Pratama', 'Ni Made Ayu Kusumawati', 'Agus Salim',
    'Nur Hidayah', 'Rina Wulandari', 'Yusuf Maulana']
SUBJECTS = ["Paspor belum dapat diambil sesuai jadwal",
    "Aplikasi M-Paspor gagal mengunggah KTP",
    "Antrean paspor ditutup sebelum jam layanan berakhir",
    "PNBP terbayar dua kali", "Petugas loket tidak ramah",
    "Kuota antrean habis dalam satu menit"]
NIK = '3527014107900001'
BATCH = 20_000
# Indexes rebuilt after the load instead of row by row, above this size.
REBUILD_AT = 100_000
TABLES = ['party_party', 'yankomas_complaint', 'yankomas_complaint_step']


def staff_roles(staff):
    "The role of each of the staff of an office, ROLES in proportion."
    total = sum(n for _, n in ROLES)
    roles = []
    for role, share in ROLES:
        roles.extend([role] * max(1, round(staff * share / total)))
    while len(roles) > staff and roles.count('petugas') > 1:
        roles.remove('petugas')
    return roles[:max(staff, 2)]


def offices_and_staff(pool, offices, staff, now):
    """The offices with their registers, calendars and staff:
    [{company, name, staff: [[login, role, user id]]}]."""
    Company = pool.get('company.company')
    Party = pool.get('party.party')
    Currency = pool.get('currency.currency')
    Sequence = pool.get('ir.sequence.strict')
    RecapSequence = pool.get('ir.sequence')
    ModelData = pool.get('ir.model.data')
    ConfigurationSequence = pool.get('yankomas.configuration.sequence')
    Calendar = pool.get('company.working_calendar')
    User = pool.get('res.user')
    Lang = pool.get('ir.lang')
    Cron = pool.get('ir.cron')
    Item = pool.get('ir.module.config_wizard.item')
    Item.write(Item.search([]), {'state': 'done'})
    currency, = Currency.create([{'name': 'Rupiah', 'code': 'IDR',
                'symbol': 'Rp', 'rounding': 1, 'digits': 0}])
    names = ['Kantor Imigrasi Bench %03d' % (i + 1) for i in range(offices)]
    parties = Party.create([{'name': n} for n in names])
    companies = Company.create([{'party': p.id, 'currency': currency.id,
                'timezone': 'Asia/Jakarta'} for p in parties])
    # Integrity reports are numbered by a register of the complaints' type.
    sequence_type = {kind: ModelData.get_id(module, 'sequence_type_' + name)
        for kind, module, name in [
            ('complaint', 'yankomas_complaint', 'complaint'),
            ('integrity', 'yankomas_complaint', 'complaint'),
            ('recap', 'yankomas_recap', 'recap')]}
    registers = Sequence.create([{
                'name': '%s %s' % (kind, c.party.name), 'company': c.id,
                'sequence_type': sequence_type[kind],
                'prefix': '%s/O%03d/' % (prefix, i + 1), 'padding': 5}
            for i, c in enumerate(companies)
            for kind, prefix in [('complaint', 'PGD'), ('integrity', 'WBS')]])
    recap_registers = RecapSequence.create([{
                'name': 'recap %s' % c.party.name, 'company': c.id,
                'sequence_type': sequence_type['recap'],
                'prefix': 'REK/O%03d/' % (i + 1), 'padding': 3}
            for i, c in enumerate(companies)])
    ConfigurationSequence.create([{
                'company': c.id, 'complaint_sequence': registers[2 * i].id,
                'integrity_sequence': registers[2 * i + 1].id,
                'recap_sequence': recap_registers[i].id}
            for i, c in enumerate(companies)])
    for company in companies:
        Calendar.of(company)
    lang, = Lang.search([('code', '=', 'id')])
    password_hash = User.hash_password(PASSWORD)
    groups = {role: ModelData.get_id('yankomas_complaint', 'group_' + role)
        for role, _ in ROLES}
    roles = staff_roles(staff)
    vlist, result = [], []
    for i, company in enumerate(companies):
        office = {'company': company.id, 'name': names[i], 'staff': []}
        counts = {}
        for role in roles:
            counts[role] = counts.get(role, 0) + 1
            login = 'o%03d.%s%02d' % (i + 1, role.split('_')[0], counts[role])
            vlist.append({'login': login, 'name': login,
                    'password_hash': password_hash, 'language': lang.id,
                    'email': '%s@bench.example' % login,
                    'companies': [('add', [company.id])],
                    'company': company.id,
                    'groups': [('add', [groups[role]])]})
            office['staff'].append([login, role, None])
        result.append(office)
    users = []
    for start in range(0, len(vlist), 500):
        users.extend(User.create(vlist[start:start + 500]))
        progress(len(users), len(vlist), 'staff')
    by_login = {u.login: u.id for u in users}
    for office in result:
        for member in office['staff']:
            member[2] = by_login[member[0]]
    # A deployment running for a while: the daily and monthly jobs are not
    # due at its first minute, only those of every minute.
    Cron.write(Cron.search([('interval_type', '!=', 'minutes')]),
        {'next_call': now + dt.timedelta(hours=12)})
    return result


def open_every_day(cursor, now):
    """Every calendar open from 00:00 to 23:59 on every day, without a
    holiday or a special period around now."""
    around = (now.date() - dt.timedelta(days=2),
        now.date() + dt.timedelta(days=2))
    cursor.execute('DELETE FROM company_working_calendar_holiday'
        ' WHERE date BETWEEN %s AND %s', around)
    cursor.execute('DELETE FROM company_working_calendar_period'
        ' WHERE first <= %s AND last >= %s', around[::-1])
    cursor.execute('DELETE FROM company_working_calendar_hours'
        ' WHERE period IS NULL')
    cursor.execute('INSERT INTO company_working_calendar_hours'
        ' (calendar, weekday, start, "end", create_uid, create_date)'
        " SELECT c.id, d, '00:00', '23:59', 0, now()"
        ' FROM company_working_calendar c,'
        " unnest(ARRAY['0','1','2','3','4','5','6']) d")


def ids_from(cursor, table, count):
    "count new ids of table, taken from its sequence."
    cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", (table,))
    sequence, = cursor.fetchone()
    cursor.execute('SELECT nextval(%s)', (sequence,))
    first, = cursor.fetchone()
    cursor.execute('SELECT setval(%s, %s)', (sequence, first + count))
    return first


def drop_indexes(cursor):
    "The indexes of TABLES that no constraint owns, dropped: their DDL."
    cursor.execute("SELECT i.indexname, i.indexdef FROM pg_indexes i"
        " WHERE i.tablename = ANY(%s) AND NOT EXISTS (SELECT 1"
        " FROM pg_constraint c WHERE c.conname = i.indexname)", (TABLES,))
    found = cursor.fetchall()
    for name, _ in found:
        cursor.execute('DROP INDEX "%s"' % name)
    return [ddl for _, ddl in found]


def complaints(cursor, offices, total, now, codes_per_office=200):
    """Load total complaints spread over offices, with their complainants
    and steps; return per office a sample of tracking codes."""
    from yankomas_complaint import tracking
    rng = random.Random(16)
    states = list(PATHS)
    weights = [PATHS[s][0] for s in states]
    categories = [c for c, in cursor.execute(
            'SELECT id FROM yankomas_complaint_category'
            ' WHERE NOT integrity ORDER BY id')]
    staff = [{role: [u for _, r, u in o['staff'] if r == role]
            for role in STEP_ROLE.values()} for o in offices]
    codes = [[] for _ in offices]
    complaint_columns = ['id', 'number', 'tracking_code', 'company',
        'channel', 'received', 'subject', 'complainant', 'id_type',
        'id_number', 'address', 'category', 'description', 'loss',
        'requested_resolution', 'state', 'representation', 'closed',
        'current_deadline', 'resolution', 'anonymous', 'confidential',
        'integrity', 'compensation_claimed', 'create_uid', 'create_date']
    step_columns = ['complaint', 'step', 'role', 'assignee', 'started',
        'deadline', 'ended', 'user', 'action', 'note', 'duration', 'on_time',
        'on_hold', 'breach_detected', 'create_uid', 'create_date']
    done = 0
    while done < total:
        size = min(BATCH, total - done)
        first_party = ids_from(cursor, 'party_party', size)
        first = ids_from(cursor, 'yankomas_complaint', size)
        parties, rows, steps = [], [], []
        for n in range(size):
            index = done + n
            office = index % len(offices)
            people = staff[office]
            party_id, cid = first_party + n, first + n
            name = '%s %d' % (NAMES[index % len(NAMES)], index)
            parties.append((party_id, name, 'B%08d' % index, 'B%08d' % index,
                    index, True, 0, now))
            state = rng.choices(states, weights)[0]
            _, path, open_step = PATHS[state]
            received = now - dt.timedelta(
                minutes=rng.randint(60, 60 * 24 * 365))
            if open_step:
                # Open work is recent: received in the last two weeks.
                received = now - dt.timedelta(minutes=rng.randint(
                        60 * (len(path) + 1), 60 * 24 * 14))
            started = received
            petugas = rng.choice(people['petugas'])
            for position, step in enumerate(path):
                took = dt.timedelta(minutes=rng.randint(5, 50))
                last = position == len(path) - 1
                action = ('cancel' if state == 'cancelled'
                    else 'complete' if state == 'done' and last
                    else ACTION[step])
                user = (petugas if STEP_ROLE[step] == 'petugas'
                    else rng.choice(people[STEP_ROLE[step]]))
                steps.append((cid, step, STEP_ROLE[step],
                        petugas if step == 'resolution' else None, started,
                        started + dt.timedelta(hours=1), started + took,
                        user, action, NOTE[action], took,
                        took <= dt.timedelta(hours=1), False, None, 0, now))
                started += took
            deadline = closed = resolution = None
            if open_step:
                share = rng.random()
                if share < 0.40:
                    deadline = now - dt.timedelta(
                        minutes=rng.randint(1, 60 * 48))
                    noticed = deadline + dt.timedelta(minutes=1)
                elif share < 0.401:
                    deadline = now + dt.timedelta(
                        seconds=rng.randint(60, 40 * 60))
                    noticed = None
                else:
                    deadline = now + dt.timedelta(
                        minutes=rng.randint(60, 60 * 24 * 5))
                    noticed = None
                started = min(started, now - dt.timedelta(minutes=1))
                steps.append((cid, open_step, STEP_ROLE[open_step],
                        petugas if open_step == 'resolution' else None,
                        started, deadline, None, None, None, None, None,
                        None, False, noticed, 0, now))
            else:
                closed = started
                resolution = NOTE[steps[-1][8]]
            code = tracking.generate()
            if len(codes[office]) < codes_per_office:
                codes[office].append(code)
            rows.append((cid, 'PGD/B%03d/%07d' % (office + 1, index), code,
                    offices[office]['company'], rng.choice(CHANNELS),
                    received, SUBJECTS[index % len(SUBJECTS)], party_id,
                    'nik', NIK, 'Jl. Trunojoyo %d, Pamekasan' % (index % 200),
                    rng.choice(categories),
                    'Dijanjikan tiga hari kerja, sudah sepuluh hari.',
                    'Dua kali datang ke kantor', 'Paspor segera diterbitkan',
                    state, 'self', closed, deadline, resolution, False,
                    False, False, False, 0, now))
        copy_rows(cursor, 'party_party', ['id', 'name', 'code', 'code_alnum',
                'code_digit', 'active', 'create_uid', 'create_date'], parties)
        copy_rows(cursor, 'yankomas_complaint', complaint_columns, rows)
        copy_rows(cursor, 'yankomas_complaint_step', step_columns, steps)
        done += size
        progress(done, total, 'complaints')
    return codes


def recaps(pool, offices, now):
    "A draft recap of last month for each office (figures not computed)."
    Recap = pool.get('yankomas.recap')
    first = (now.date().replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    last = now.date().replace(day=1) - dt.timedelta(days=1)
    made = Recap.create([{'company': o['company'], 'period': 'month',
                'from_date': first, 'to_date': last} for o in offices])
    for office, recap in zip(offices, made):
        office['recap'] = recap.id


def build(database, offices, staff, total):
    from trytond.pool import Pool
    from trytond.transaction import Transaction
    start = time.monotonic()
    Pool.start()
    pool = Pool(database)
    pool.init()
    now = dt.datetime.utcnow().replace(microsecond=0)
    with Transaction().start(database, 0) as transaction:
        result = offices_and_staff(pool, offices, staff, now)
        recaps(pool, result, now)
        cursor = transaction.connection.cursor()
        open_every_day(cursor, now)
        transaction.commit()
    import psycopg
    rebuild = total >= REBUILD_AT
    with psycopg.connect(dbname=database) as conn:
        cursor = conn.cursor()
        # Foreign keys are checked by the generator, not row by row.
        cursor.execute("SET session_replication_role = replica")
        indexes = drop_indexes(cursor) if rebuild else []
        codes = complaints(cursor, result, total, now)
        for n, ddl in enumerate(indexes, 1):
            cursor.execute(ddl)
            progress(n, len(indexes), 'indexes rebuilt')
        conn.commit()
    with psycopg.connect(dbname=database, autocommit=True) as conn:
        for table in TABLES:
            conn.execute('VACUUM ANALYZE "%s"' % table)
    for office, sample in zip(result, codes):
        office['codes'] = sample
    return {'password': PASSWORD, 'now': now.isoformat(), 'offices': result,
        'complaints': total, 'staff': offices * len(staff_roles(staff)),
        'seconds': round(time.monotonic() - start, 1)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('database')
    parser.add_argument('output')
    parser.add_argument('--offices', type=int, default=125)
    parser.add_argument('--staff', type=int, default=30)
    parser.add_argument('--complaints', type=int, default=1_000_000)
    args = parser.parse_args()
    os.environ.setdefault('TRYTOND_DATABASE__URI', 'postgresql://')
    data = build(args.database, args.offices, args.staff, args.complaints)
    with open(args.output, 'w') as output:
        json.dump(data, output)
    print('%d offices, %d staff, %d complaints loaded in %.0f s' % (
            args.offices, data['staff'], args.complaints, data['seconds']))


if __name__ == '__main__':
    main()
