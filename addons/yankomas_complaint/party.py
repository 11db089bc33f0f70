from trytond.model import fields
from trytond.pool import PoolMeta


class Party(metaclass=PoolMeta):
    __name__ = 'party.party'

    yankomas_complaints = fields.One2Many(
        'yankomas.complaint', 'complainant', "Complaints", readonly=True,
        help="The complaints the party made: who may change the party "
        "follows their offices.")
