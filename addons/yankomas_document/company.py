from trytond.i18n import gettext
from trytond.model import fields
from trytond.pool import Pool, PoolMeta
from trytond.transaction import Transaction

# The default of round 1, stored in every office created since: an English
# name printed on Indonesian documents. Cleared on update, so that the
# standard line (translated) is printed.
_OLD_MINISTRY = (
    "Ministry of Immigration and Corrections of the Republic of Indonesia")


class Company(metaclass=PoolMeta):
    __name__ = 'company.company'

    yankomas_ministry = fields.Char(
        "Ministry", translate=True,
        help="The first line of the letterhead of the office's documents. "
        "Empty, the ministry's standard name is printed in the reader's "
        "language.")
    yankomas_directorate = fields.Char(
        "Directorate General", translate=True,
        help="The line of the letterhead below the ministry. Empty, the "
        "Directorate General of Immigration is printed in the reader's "
        "language.")
    yankomas_regional_office = fields.Char(
        "Regional Office", translate=True,
        help="The line of the letterhead above the office's name.")
    yankomas_data_notice = fields.Text(
        "Data-Use Notice", translate=True,
        help="Printed on the complaint form: the basis and purpose of "
        "processing the complainant's personal data. Empty, the standard "
        "notice is printed in the reader's language.")

    @classmethod
    def __register__(cls, module):
        pool = Pool()
        Translation = pool.get('ir.translation')
        super().__register__(module)
        table = cls.__table__()
        translation = Translation.__table__()
        cursor = Transaction().connection.cursor()
        cursor.execute(*table.update(
                [table.yankomas_ministry], [None],
                where=table.yankomas_ministry == _OLD_MINISTRY))
        # A translated field is also stored in each language written.
        cursor.execute(*translation.delete(
                where=(translation.name == (
                        cls.__name__ + ',yankomas_ministry'))
                & (translation.type == 'model')
                & (translation.value == _OLD_MINISTRY)))
        Translation._translation_cache.clear()

    def yankomas_letterhead_lines(self):
        """The lines above the office's name on its letterhead, in the
        reader's language, as [(kind, text)]: the ministry, the directorate
        general and the regional office, each the office's own text or the
        standard one (the regional office has none)."""
        lines = []
        for kind, own, standard in [
                ('ministry', self.yankomas_ministry,
                    'msg_letterhead_ministry'),
                ('directorate', self.yankomas_directorate,
                    'msg_letterhead_directorate'),
                ('region', self.yankomas_regional_office, None),
                ]:
            if not own and standard:
                own = gettext('yankomas_document.%s' % standard)
            if own:
                lines.append((kind, own))
        return lines

    def yankomas_data_use_notice(self):
        """The data-use notice printed on the office's complaint form: its
        own text, else the standard one in the reader's language."""
        return self.yankomas_data_notice or gettext(
            'yankomas_document.msg_data_notice')
