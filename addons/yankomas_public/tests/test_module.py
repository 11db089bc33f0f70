from trytond.modules.company.tests import CompanyTestMixin
from trytond.tests.test_tryton import ModuleTestCase


class YankomasPublicTestCase(CompanyTestMixin, ModuleTestCase):
    "Test yankomas_public module"
    module = 'yankomas_public'


del ModuleTestCase
