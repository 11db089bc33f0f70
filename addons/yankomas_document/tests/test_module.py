from trytond.modules.company.tests import CompanyTestMixin, create_company
from trytond.tests.test_tryton import ModuleTestCase, with_transaction

from yankomas_document.document import OfficeReport


class YankomasDocumentTestCase(CompanyTestMixin, ModuleTestCase):
    "Test Yankomas Document module"
    module = 'yankomas_document'

    @with_transaction()
    def test_data_notice_standard_then_own(self):
        "The complaint form prints the standard notice, else the office's"
        from trytond.i18n import gettext
        company = create_company()
        self.assertEqual(OfficeReport.data_notice(company),
            gettext('yankomas_document.msg_data_notice'))
        company.yankomas_data_notice = "Ditulis sendiri oleh kantor."
        company.save()
        self.assertEqual(OfficeReport.data_notice(company),
            "Ditulis sendiri oleh kantor.")


del ModuleTestCase
