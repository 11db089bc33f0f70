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
        Category = pool.get('yankomas.complaint.category')
        Complaint = pool.get('yankomas.complaint')
        Mail = pool.get('yankomas.mail')
        Queue = pool.get('ir.queue')
        # The head of subsection the escalation tells, found by the task.
        with office(['kasubsi']) as (company, party):
            fees, = Category.search([('code', '=', 'fees')])
            complaints = Complaint.create([{'channel': 'phone',
                        'subject': subject, 'complainant': party.id,
                        'category': fees.id, 'id_type': 'nik',
                        'id_number': '3528014107900001',
                        'address': "Pamekasan", 'loss': "Tidak ada",
                        'requested_resolution': "Ditindaklanjuti.",
                        'description': "Saldo terpotong dua kali.",
                        } for subject in ["PNBP A", "PNBP B"]])
            Complaint.transit(complaints, 'escalate', "Perlu klarifikasi.")
        task, = Queue.search([])
        self.assertEqual(
            (task.data['model'], task.data['method'],
                list(task.data['args'])),
            ('yankomas.complaint.step', 'send_handover_notices',
                ['escalate']))
        self.assertEqual(sorted(task.data['instances']),
            sorted(c.current_step.id for c in complaints))
        self.assertEqual(Mail.search_count([]), 0)

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


@contextmanager
def office(roles):
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
                'login': role, 'name': role,
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
