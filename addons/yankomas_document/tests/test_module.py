from trytond.modules.company.tests import CompanyTestMixin, create_company
from trytond.pool import Pool
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

    @with_transaction()
    def test_letterhead_standard_then_own(self):
        "The letterhead prints the ministry and directorate, else the office's"
        company = create_company()
        self.assertEqual(company.yankomas_letterhead_lines(), [
                ('ministry', "Ministry of Immigration and Corrections of "
                    "the Republic of Indonesia"),
                ('directorate', "Directorate General of Immigration")])
        company.yankomas_directorate = "Direktorat Jenderal Imigrasi"
        company.yankomas_regional_office = "Kantor Wilayah Jawa Timur"
        company.save()
        self.assertEqual(company.yankomas_letterhead_lines()[1:], [
                ('directorate', "Direktorat Jenderal Imigrasi"),
                ('region', "Kantor Wilayah Jawa Timur")])

    @with_transaction()
    def test_old_english_default_cleared(self):
        "The English ministry stored by round 1's default is cleared on update"
        from yankomas_document.company import _OLD_MINISTRY
        Company = Pool().get('company.company')
        company = create_company()
        other = create_company(name="Other office")
        company.yankomas_ministry = _OLD_MINISTRY
        other.yankomas_ministry = "Kementerian Hukum"
        Company.save([company, other])
        Company.__register__('yankomas_document')
        ministries = {c['id']: c['yankomas_ministry'] for c in Company.read(
                [company.id, other.id], ['yankomas_ministry'])}
        self.assertEqual(ministries,
            {company.id: None, other.id: "Kementerian Hukum"})


del ModuleTestCase
