from trytond.modules.company.tests import CompanyTestMixin
from trytond.tests.test_tryton import ModuleTestCase


class YankomasDocumentTestCase(CompanyTestMixin, ModuleTestCase):
    "Test yankomas_document module"
    module = 'yankomas_document'


del ModuleTestCase
