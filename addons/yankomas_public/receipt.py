"""The receipt of the Form Pengaduan: the QR code of the complaint's
tracking page beside its code."""
import segno
from genshi.input import XML

from trytond.i18n import gettext
from trytond.pool import PoolMeta

from . import links


def qr_code(text):
    """The QR code of text as inline SVG (segno, error level M), sized by
    the stylesheet (Tryton lets WeasyPrint fetch no data: URL), as markup
    events: the report's translator would escape a string."""
    return XML(segno.make(text, error='m').svg_inline(
            border=2, omitsize=True, svgclass='qr'))


class ComplaintForm(metaclass=PoolMeta):
    __name__ = 'yankomas.complaint.form'

    @classmethod
    def receipt_codes(cls, complaint):
        codes = super().receipt_codes(complaint)
        if complaint.tracking_code:
            address = links.track_url(complaint.tracking_code)
            codes.append((gettext('yankomas_public.msg_receipt_track'),
                    address, qr_code(address)))
        return codes
