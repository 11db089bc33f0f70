from trytond.modules.company.tests import CompanyTestMixin
from trytond.pool import Pool
from trytond.tests.test_tryton import ModuleTestCase, with_transaction


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


del ModuleTestCase
