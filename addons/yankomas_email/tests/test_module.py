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


del ModuleTestCase
