from trytond.modules.company.tests import CompanyTestMixin
from trytond.tests.test_tryton import ModuleTestCase


class YankomasComplaintTestCase(CompanyTestMixin, ModuleTestCase):
    "Test Yankomas Complaint module"
    module = 'yankomas_complaint'

    @property
    def _skip_company_rule(self):
        # Time standards without an office are the default of every office.
        return super()._skip_company_rule | {
            ('yankomas.time_standard', 'company'),
            }


del ModuleTestCase
