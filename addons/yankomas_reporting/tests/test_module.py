from trytond.modules.company.tests import CompanyTestMixin
from trytond.tests.test_tryton import ModuleTestCase


class YankomasReportingTestCase(CompanyTestMixin, ModuleTestCase):
    "Test yankomas_reporting module"
    module = 'yankomas_reporting'


del ModuleTestCase
