from trytond.i18n import gettext
from trytond.pool import Pool, PoolMeta
from trytond.transaction import Transaction, without_check_access


class Party(metaclass=PoolMeta):
    __name__ = 'party.party'

    @classmethod
    def privacy_anonymise(cls, parties):
        """Erase the name, addresses, contact mechanisms and identifiers of
        the parties no complaint names any more and that are not an
        office's or an employee's; they are deactivated. The ones done."""
        pool = Pool()
        Complaint = pool.get('yankomas.complaint')
        Company = pool.get('company.company')
        Employee = pool.get('company.employee')
        Address = pool.get('party.address')
        Mechanism = pool.get('party.contact_mechanism')
        Identifier = pool.get('party.identifier')
        ids = [p.id for p in parties]
        if not ids:
            return []
        with without_check_access(), \
                Transaction().set_context(active_test=False):
            kept = {c.complainant.id for c in Complaint.search([
                        ('complainant', 'in', ids)])}
            kept |= {c.party.id for c in Company.search([
                        ('party', 'in', ids)])}
            kept |= {e.party.id for e in Employee.search([
                        ('party', 'in', ids)])}
            todo = cls.browse([i for i in ids if i not in kept])
            if not todo:
                return []
            Address.delete(Address.search([('party', 'in', todo)]))
            Mechanism.delete(Mechanism.search([('party', 'in', todo)]))
            Identifier.delete(Identifier.search([('party', 'in', todo)]))
            cls.write(todo, {
                    'name': gettext('yankomas_privacy.msg_party_anonymised'),
                    'active': False,
                    })
        return todo
