from trytond.modules.company.tests import CompanyTestMixin
from trytond.tests.test_tryton import ModuleTestCase


class YankomasEmailTestCase(CompanyTestMixin, ModuleTestCase):
    "Test yankomas_email module"
    module = 'yankomas_email'


del ModuleTestCase
