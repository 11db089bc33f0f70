from trytond.model import ModelSQL, fields
from trytond.modules.company.model import CompanyValueMixin
from trytond.pool import Pool, PoolMeta

from .notice import NOTICE_KINDS


def _notices_field():
    return fields.MultiSelection([
            ('escalate', "Escalated (to the head of subsection)"),
            ('request_direction', "Direction requested (to the head of section)"),
            ('give_direction', "Direction given (to the head of subsection)"),
            ('decide', "Decided (to the complaint officer)"),
            ('forward', "Direction forwarded (to the complaint officer)"),
            ('breach', "Deadline breached (to the role and its superior)"),
            ], "E-mail Notices",
        help="Which notices the office sends by e-mail.")


class Configuration(metaclass=PoolMeta):
    __name__ = 'yankomas.configuration'

    notices = fields.MultiValue(_notices_field())

    @classmethod
    def multivalue_model(cls, field):
        if field == 'notices':
            return Pool().get('yankomas.configuration.notice')
        return super().multivalue_model(field)

    @classmethod
    def default_notices(cls, **pattern):
        return cls.multivalue_model('notices').default_notices()

    def sends(self, notice, company):
        "Whether the office sends the notice (a kind of NOTICE_KINDS)."
        return notice in (self.get_multivalue(
                'notices', company=company.id) or [])


class ConfigurationNotice(ModelSQL, CompanyValueMixin):
    __name__ = 'yankomas.configuration.notice'
    __string__ = "Yankomas Configuration Notice"

    notices = _notices_field()

    @classmethod
    def default_notices(cls):
        return list(NOTICE_KINDS)
