from contextlib import contextmanager

from trytond.modules.company.tests import CompanyTestMixin
from trytond.pool import Pool
from trytond.tests.test_tryton import ModuleTestCase, with_transaction
from trytond.transaction import Transaction


class YankomasEmailTestCase(CompanyTestMixin, ModuleTestCase):
    "Test yankomas_email module"
    module = 'yankomas_email'

    @with_transaction()
    def test_calendar_form_has_digest_times(self):
        "The calendar's form shows the digest times beside legal deadlines"
        Calendar = Pool().get('company.working_calendar')
        arch = Calendar.fields_view_get(view_type='form')['arch']
        self.assertIn('name="digest_times"', arch)
        self.assertIn('name="answer_days"', arch)

    @with_transaction()
    def test_handover_queues_one_task(self):
        "A transition queues one task for its notices and builds none"
        pool = Pool()
        Complaint = pool.get('yankomas.complaint')
        Mail = pool.get('yankomas.mail')
        Queue = pool.get('ir.queue')
        # The head of subsection the escalation tells, found by the task.
        with office(['kasubsi']) as (company, party):
            complaints = complete(party, ["PNBP A", "PNBP B"])
            Complaint.transit(complaints, 'escalate', "Perlu klarifikasi.")
        # (A test's task that committed may be there too: only these.)
        opened = {Complaint(c.id).current_step.id for c in complaints}
        task, = [t for t in Queue.search([])
            if opened & set(t.data.get('instances') or [])]
        self.assertEqual(
            (task.data['model'], task.data['method'],
                list(task.data['args'])),
            ('yankomas.complaint.step', 'send_handover_notices',
                ['escalate']))
        self.assertEqual(sorted(task.data['instances']),
            sorted(c.current_step.id for c in complaints))
        self.assertEqual(Mail.search_count(
                [('complaint', 'in', [c.id for c in complaints])]), 0)

    @with_transaction()
    def test_lost_handover_built_again(self):
        "A hand-over task whose worker died is run again by the scheduler"
        import datetime as dt
        pool = Pool()
        Complaint = pool.get('yankomas.complaint')
        Mail = pool.get('yankomas.mail')
        Queue = pool.get('ir.queue')
        # Its task commits (as the scheduler's does): a login of its own.
        with office(['kasubsi'], suffix='-lost') as (company, party):
            lost, recent = complete(party, ["PNBP hilang", "PNBP baru"])
            Complaint.transit([lost], 'escalate', "Perlu klarifikasi.")
            Complaint.transit([recent], 'escalate', "Perlu klarifikasi.")
        # Taken by a worker ten minutes ago that died before finishing; the
        # other one was queued a moment ago, its worker still at work.
        old, new = [t for t in Queue.search([], order=[('id', 'ASC')])
            if list(t.data.get('instances') or []) in (
                [Complaint(lost.id).current_step.id],
                [Complaint(recent.id).current_step.id])]
        ago = dt.datetime.now() - dt.timedelta(minutes=10)
        Queue.write([old], {'enqueued_at': ago, 'dequeued_at': ago})
        Queue.write([new], {'dequeued_at': dt.datetime.now()})
        Mail.send_pending()
        notices = Mail.search([('kind', '=', 'escalate'),
                ('complaint', 'in', [lost.id, recent.id])])
        self.assertEqual([m.complaint.id for m in notices], [lost.id])
        self.assertTrue(Queue(old.id).finished_at)
        self.assertFalse(Queue(new.id).finished_at)
        # Run again, nothing doubles.
        Queue.write([old], {'finished_at': None})
        Mail.send_pending()
        self.assertEqual(Mail.search_count([('kind', '=', 'escalate'),
                    ('complaint', 'in', [lost.id, recent.id])]), 1)

    @with_transaction()
    def test_digest_period_built_once(self):
        """The scheduler queues a period's digests once and builds none; the
        task reads the steps once, and run again doubles none"""
        import datetime as dt

        from company_working_calendar import clock
        from yankomas_email import mail_digest

        pool = Pool()
        Calendar = pool.get('company.working_calendar')
        Complaint = pool.get('yankomas.complaint')
        Mail = pool.get('yankomas.mail')
        Period = pool.get('yankomas.digest.period')
        Queue = pool.get('ir.queue')
        # Monday 6 April 2026: a phone complaint at 09:00 WIB, late by the
        # 13:00 digest; the officer has it to read, the service ambassador
        # nothing (no digest for them, ever).
        with clock.frozen(dt.datetime(2026, 4, 6, 2)), office(
                ['petugas', 'duta_layanan']) as (company, party):
            Complaint.create([{'channel': 'phone',
                        'subject': "Antrean paspor",
                        'complainant': party.id}])
            calendar = Calendar.of(company)
        now = dt.datetime(2026, 4, 6, 6, 5)
        period = mail_digest.digest_period(calendar, now)
        self.assertEqual(period[0], '%d:2026-04-06T13:00' % company.id)

        for minute in range(2):
            with clock.frozen(now + dt.timedelta(minutes=minute)):
                Mail.send_digests()
        tasks = [t for t in Queue.search([])
            if (t.data['model'], t.data['method'])
            == ('yankomas.digest.period', 'build')
            and Period(t.data['instances'][0]).key == period[0]]
        self.assertEqual(len(tasks), 1)
        self.assertEqual(tasks[0].data['args'][0], calendar.id)
        self.assertEqual(Mail.search_count([('kind', '=', 'digest')]), 0)

        reads = []
        office_items = mail_digest.office_items

        def counted(*args):
            reads.append(args)
            return office_items(*args)
        mail_digest.office_items = counted
        try:
            first = Mail.build_digests(calendar, now, *period)
        finally:
            mail_digest.office_items = office_items
        self.assertEqual([m.recipient.login for m in first], ['petugas'])
        self.assertIn("Antrean paspor", first[0].body_text)
        self.assertEqual(len(reads), 1)
        # The task run again (its worker died) doubles none.
        self.assertEqual(Mail.build_digests(
                calendar, now + dt.timedelta(minutes=1), *period), [])
        self.assertEqual(Mail.search_count([('kind', '=', 'digest')]), 1)

    @with_transaction()
    def test_links_ignore_the_request_host(self):
        "A complaint's link uses the configured hostname, not the request's"
        from trytond import config

        from yankomas_email.render import complaint_url
        previous = config.get('web', 'hostname') or ''
        config.set('web', 'hostname', 'yankomas.example.go.id')
        try:
            with Transaction().set_context(_request={
                        'http_host': 'evil.example', 'is_secure': True}):
                url = complaint_url(7)
        finally:
            config.set('web', 'hostname', previous)
        self.assertTrue(url.startswith('http://yankomas.example.go.id/#'),
            url)
        self.assertNotIn('evil', url)
        self.assertTrue(url.endswith('/model/yankomas.complaint/7'))


def complete(party, subjects):
    "Phone complaints of party at intake, their form complete."
    pool = Pool()
    Category = pool.get('yankomas.complaint.category')
    Complaint = pool.get('yankomas.complaint')
    fees, = Category.search([('code', '=', 'fees')])
    return Complaint.create([{'channel': 'phone',
                'subject': subject, 'complainant': party.id,
                'category': fees.id, 'id_type': 'nik',
                'id_number': '3528014107900001',
                'address': "Pamekasan", 'loss': "Tidak ada",
                'requested_resolution': "Ditindaklanjuti.",
                'description': "Saldo terpotong dua kali.",
                } for subject in subjects])


@contextmanager
def office(roles, suffix=''):
    """An office in Jakarta time with a user of each role (login: the role)
    who has an e-mail address, and a complainant; inside, the office is the
    user's company."""
    from trytond.modules.company.tests import create_company, set_company
    pool = Pool()
    ModelData = pool.get('ir.model.data')
    Party = pool.get('party.party')
    User = pool.get('res.user')
    company = create_company()
    company.timezone = 'Asia/Jakarta'
    company.save()
    User.create([{
                'login': role + suffix, 'name': role,
                'email': '%s@imigrasi.example' % role,
                'companies': [('add', [company.id])],
                'company': company.id,
                'groups': [('add', [ModelData.get_id(
                                'yankomas_complaint', 'group_%s' % role)])],
                } for role in roles])
    with set_company(company):
        party = Party(name="Pengadu")
        party.save()
        yield company, party


del ModuleTestCase
