"""The log of who read the identity of a confidential complaint (UU 27/2022:
the controller must be able to show who processed the data): append-only,
read by the head of office and the data-protection officer; only the purge
deletes what is past its retention period."""
import weakref

from trytond.i18n import gettext
from trytond.model import Index, ModelSQL, ModelView, fields
from trytond.model.exceptions import AccessError
from trytond.pool import Pool, PoolMeta
from trytond.transaction import Transaction, without_check_access

from company_working_calendar import clock
from yankomas_complaint.confidentiality import SURFACES
from yankomas_complaint.record import ServerWrittenMixin

from .purge import PURGE

# {transaction: {(complaint id, surface)}} already logged in it: a form's
# reads of one record are one read.
_logged = weakref.WeakKeyDictionary()


class Disclosure(ServerWrittenMixin, ModelSQL, ModelView):
    __name__ = 'yankomas.privacy.disclosure'
    __string__ = "Identity Read"

    company = fields.Many2One(
        'company.company', "Office", required=True, ondelete='RESTRICT')
    complaint = fields.Many2One(
        'yankomas.complaint', "Complaint", required=True,
        ondelete='RESTRICT')
    user = fields.Many2One(
        'res.user', "Read by", required=True, ondelete='RESTRICT')
    date = fields.DateTime("Read", required=True)
    surface = fields.Selection(SURFACES, "Through", required=True)
    surface_string = surface.translated('surface')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_indexes.update({
                Index(t, (t.complaint, Index.Range())),
                Index(t, (t.date, Index.Range())),
                })
        cls._order = [('date', 'DESC'), ('id', 'DESC')]

    @classmethod
    def check_modification(cls, mode, records, values=None, external=False):
        super().check_modification(
            mode, records, values=values, external=external)
        if (mode == 'delete' and not external
                and Transaction().context.get(PURGE)):
            return  # past its retention period
        if mode in {'write', 'delete'}:
            # Kept as logged: not even the server rewrites the log.
            raise AccessError(gettext('yankomas_privacy.msg_disclosure_kept'))

    @classmethod
    def record(cls, complaints, surface):
        """Log that the current user was shown the identity of complaints
        through surface, once per transaction, in a transaction of its own:
        a read runs in a read-only one, and the log stays even when the
        request fails afterwards."""
        transaction = Transaction()
        user = transaction.user
        if not user:
            return
        seen = _logged.setdefault(transaction, set())
        todo = [c for c in complaints if (c.id, surface) not in seen]
        if not todo:
            return
        now = clock.now()
        vlist = [{
                'company': c.company.id,
                'complaint': c.id,
                'user': user,
                'date': now,
                'surface': surface,
                } for c in todo]
        with transaction.new_transaction() as logging, \
                without_check_access():
            cls.create(vlist)
            logging.commit()
        seen.update((c.id, surface) for c in todo)


class Complaint(metaclass=PoolMeta):
    __name__ = 'yankomas.complaint'

    @classmethod
    def identity_disclosed(cls, complaints, surface):
        super().identity_disclosed(complaints, surface)
        Pool().get('yankomas.privacy.disclosure').record(complaints, surface)
