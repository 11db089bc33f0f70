from trytond.model import fields
from trytond.pool import PoolMeta


class User(metaclass=PoolMeta):
    __name__ = 'res.user'

    yankomas_digest = fields.Boolean(
        "Complaint Digests",
        help="Receive the scheduled e-mail digest of the complaints "
        "you are responsible for.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._preferences_fields.append('yankomas_digest')

    @staticmethod
    def default_yankomas_digest():
        return True
