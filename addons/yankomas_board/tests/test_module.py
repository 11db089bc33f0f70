from trytond.modules.company.tests import CompanyTestMixin
from trytond.tests.test_tryton import ModuleTestCase


class YankomasBoardTestCase(CompanyTestMixin, ModuleTestCase):
    "Test yankomas_board module"
    module = 'yankomas_board'


del ModuleTestCase
