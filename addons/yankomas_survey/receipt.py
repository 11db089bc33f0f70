"""The receipt of the Form Pengaduan: the QR code of the complaint's survey
beside the tracking page's, so that a walk-in complainant can grade the
service once it is settled."""
from trytond.i18n import gettext
from trytond.pool import PoolMeta

from yankomas_public.receipt import qr_code


class ComplaintForm(metaclass=PoolMeta):
    __name__ = 'yankomas.complaint.form'

    @classmethod
    def receipt_codes(cls, complaint):
        codes = super().receipt_codes(complaint)
        token = complaint.survey_token()
        if token and not token.used:
            codes.append((gettext('yankomas_survey.msg_receipt_survey'),
                    token.url, qr_code(token.url)))
        return codes
