from trytond.i18n import gettext
from trytond.model import fields
from trytond.model.exceptions import ValidationError
from trytond.pool import PoolMeta

from .digest import parse_times


class Calendar(metaclass=PoolMeta):
    __name__ = 'company.working_calendar'

    digest_times = fields.Char(
        "Digest Times", required=True,
        help="When the e-mail digests leave on working days, office time, "
        "e.g. \"07:30, 13:00\".")

    @staticmethod
    def default_digest_times():
        return '07:30, 13:00'

    @classmethod
    def validate_fields(cls, calendars, field_names):
        super().validate_fields(calendars, field_names)
        for calendar in calendars:
            try:
                parse_times(calendar.digest_times)
            except ValueError:
                raise ValidationError(gettext(
                        'yankomas_email.msg_calendar_digest_times',
                        times=calendar.digest_times))
