from trytond.model import fields
from trytond.pool import Pool, PoolMeta
from trytond.transaction import Transaction

from .confidential import guard_relation
from .confidentiality import search_guard


class Party(metaclass=PoolMeta):
    __name__ = 'party.party'

    yankomas_complaints = fields.One2Many(
        'yankomas.complaint', 'complainant', "Complaints", readonly=True,
        help="The complaints the party made: who may change the party "
        "follows their offices.")

    # A confidential complaint the user may not see the identity of is as if
    # it were not the party's: neither listed nor found through the party.

    @classmethod
    def read(cls, ids, fields_names):
        Complaint = Pool().get('yankomas.complaint')
        rows = super().read(ids, fields_names)
        if (not Transaction().check_access
                or 'yankomas_complaints' not in fields_names):
            return rows
        listed = {c for r in rows for c in r['yankomas_complaints']}
        hidden = Complaint.hidden_identities(Complaint.browse(listed))
        if hidden:
            for row in rows:
                row['yankomas_complaints'] = [
                    c for c in row['yankomas_complaints'] if c not in hidden]
                if 'yankomas_complaints.' in row:
                    row['yankomas_complaints.'] = [
                        c for c in row['yankomas_complaints.']
                        if c['id'] not in hidden]
        return rows

    @classmethod
    def search(cls, domain, offset=0, limit=None, order=None, count=False,
            query=False):
        guard = search_guard(query)
        if guard is not None:
            domain = guard_relation(domain, 'yankomas_complaints', guard)
        return super().search(domain, offset=offset, limit=limit,
            order=order, count=count, query=query)


class PartyConfiguration(metaclass=PoolMeta):
    __name__ = 'party.configuration'

    @classmethod
    def default_identifier_types(cls):
        # The complainant's NIK or passport is on the complaint form; what a
        # party keeps is the NPWP of a company (a stay permit's sponsor).
        # Tryton's catalogue of some 170 countries' numbers would otherwise
        # be offered to the officer, in English.
        return ['id_vat']
