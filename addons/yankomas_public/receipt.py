"""The receipt of the Form Pengaduan: the QR code of the complaint's
tracking page beside its code."""
import segno

from trytond.i18n import gettext
from trytond.pool import PoolMeta

from . import links


def qr_image(address):
    "The QR code of address as a data: URI (SVG), for a printed document."
    return segno.make(address, error='m').svg_data_uri(scale=4, border=2)


class ComplaintForm(metaclass=PoolMeta):
    __name__ = 'yankomas.complaint.form'

    @classmethod
    def receipt_codes(cls, complaint):
        codes = super().receipt_codes(complaint)
        if complaint.tracking_code:
            address = links.track_url(complaint.tracking_code)
            codes.append((gettext('yankomas_public.msg_receipt_track'),
                    address, qr_image(address)))
        return codes
