from trytond.modules.company.tests import CompanyTestMixin
from trytond.tests.test_tryton import ModuleTestCase


class YankomasPrivacyTestCase(CompanyTestMixin, ModuleTestCase):
    "Test yankomas_privacy module"
    module = 'yankomas_privacy'


del ModuleTestCase
