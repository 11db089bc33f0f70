"""The data-use notice of the complaint form, generated from what the
system does: its purposes, the office's retention periods and contact."""
from trytond.i18n import gettext
from trytond.pool import Pool, PoolMeta

from . import retention


def period_text(months):
    "A retention period as people say it: 2 years, 18 months."
    count, unit = retention.in_words(months)
    return gettext('yankomas_privacy.msg_period_%s' % unit, count=count)


class Company(metaclass=PoolMeta):
    __name__ = 'company.company'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        # The notice is generated: a text written by hand could promise
        # what the system does not do.
        cls.yankomas_data_notice.readonly = True
        cls.yankomas_data_notice.help = (
            "Not printed: with personal-data protection, the complaint "
            "form prints the notice generated from the office's retention "
            "periods and data-protection contact (Yankomas configuration).")

    def yankomas_data_use_notice(self):
        "The data-use notice printed on the office's complaint form."
        Configuration = Pool().get('yankomas.configuration')
        months = Configuration.retention_months(self)
        contact = Configuration(1).get_multivalue(
            'privacy_contact', company=self.id)
        if not (contact or '').strip():
            contact = gettext('yankomas_privacy.msg_data_use_contact',
                office=self.rec_name)
        return gettext('yankomas_privacy.msg_data_use_notice',
            office=self.rec_name,
            complaint=period_text(months['complaint']),
            evidence=period_text(months['evidence']),
            mail=period_text(months['mail']),
            contact=' '.join(contact.split()))
