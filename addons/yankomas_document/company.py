from trytond.i18n import gettext
from trytond.model import fields
from trytond.pool import PoolMeta


class Company(metaclass=PoolMeta):
    __name__ = 'company.company'

    yankomas_ministry = fields.Char(
        "Ministry", translate=True,
        help="The first line of the letterhead of the office's documents.")
    yankomas_regional_office = fields.Char(
        "Regional Office", translate=True,
        help="The second line of the letterhead.")
    yankomas_data_notice = fields.Text(
        "Data-Use Notice", translate=True,
        help="Printed on the complaint form: the basis and purpose of "
        "processing the complainant's personal data. Empty, the standard "
        "notice is printed in the reader's language.")

    def yankomas_data_use_notice(self):
        """The data-use notice printed on the office's complaint form: its
        own text, else the standard one in the reader's language."""
        return self.yankomas_data_notice or gettext(
            'yankomas_document.msg_data_notice')

    @staticmethod
    def default_yankomas_ministry():
        return "Ministry of Immigration and Corrections of the Republic of Indonesia"
