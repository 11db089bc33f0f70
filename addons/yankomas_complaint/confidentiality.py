"""The identity of a confidential complaint, enforced where it leaves the
server: a read, a search, an export, an on-change answer, a copy, a write.

The server's own code reads the real values (Tryton's records load without
access checks), so a step, a cron or a report still works on them; what a
person is shown goes through these overrides or, for a print, shown(); each
identity shown is told to identity_disclosed, for the read log.
"""
from trytond.i18n import gettext
from trytond.model import fields
from trytond.model.exceptions import AccessError
from trytond.pool import Pool
from trytond.transaction import Transaction, without_check_access

from .confidential import (
    HIDDEN_FIELDS, guard_domain, mask_row, may_see, root, unhidden_order)
from .roles import user_roles

# Surfaces through which an identity is read, for the read log.
SURFACES = [
    ('screen', "Screen"),
    ('print', "Print"),
    ('export', "Export"),
    ]


def sees_reporters():
    """Whether the current user sees who made an integrity report: the
    internal oversight unit, which has to protect and hear the reporter."""
    return 'pengawas_internal' in user_roles()


def masked_text():
    "What a hidden identity field reads as, in the user's language."
    return gettext('yankomas_complaint.msg_identity_masked')


def search_guard(query):
    """The domain of the complaints whose identity the user sees, for a
    search made on their behalf, or None when nothing is to be hidden. On
    their behalf: a search a client asked for, or the sub-query Tryton
    makes, without access checks, for a clause through a relation
    (``complaint.phone`` searched on a step)."""
    transaction = Transaction()
    if transaction.check_access or (query and transaction.user):
        return Pool().get('yankomas.complaint').identity_guard()


def _types(Model, names):
    "{name: field type} of names; a selection's label reads as a text."
    return {n: Model._fields[n]._type if n in Model._fields else 'char'
        for n in names}


class ConfidentialMixin:
    __slots__ = ()

    identity_hidden = fields.Function(
        fields.Boolean(
            "Identity Hidden",
            help="The complaint is confidential and your role does not "
            "see who made it."),
        'get_identity_hidden')

    @classmethod
    def identity_offices(cls):
        """The ids of the offices whose confidential identities the current
        user sees, or None for every office (the server itself)."""
        pool = Pool()
        User = pool.get('res.user')
        Configuration = pool.get('yankomas.configuration')
        user_id = Transaction().user
        if not user_id:
            return None
        roles = user_roles()
        configuration = Configuration(1)
        with without_check_access():
            companies = User(user_id).companies
            return {c.id for c in companies if may_see(True, roles,
                    configuration.get_multivalue(
                        'identity_roles', company=c.id) or [])}

    @classmethod
    def identity_guard(cls):
        """The domain of the complaints whose identity the current user
        sees, or None when they see all. The reporter of an integrity
        report is seen by the internal oversight unit only."""
        offices = cls.identity_offices()
        if offices is None:
            return None
        guard = ['OR',
            ('confidential', '=', False),
            [('integrity', '=', False), ('company', 'in', sorted(offices))],
            ]
        if sees_reporters():
            guard.append(('integrity', '=', True))
        return guard

    @classmethod
    def hidden_identities(cls, complaints):
        "The ids of the complaints whose identity the current user may not see."
        offices = cls.identity_offices()
        if offices is None:
            return set()
        reporters = sees_reporters()
        with without_check_access():
            # As stored: an on-change instance carries what a client sent.
            complaints = cls.browse([c.id for c in complaints])
            return {c.id for c in complaints if c.confidential and (
                    not reporters if c.integrity
                    else c.company.id not in offices)}

    @classmethod
    def get_identity_hidden(cls, complaints, name):
        hidden = cls.hidden_identities(complaints)
        return {c.id: c.id in hidden for c in complaints}

    @classmethod
    def identity_disclosed(cls, complaints, surface):
        """Called once the identity of the confidential complaints has been
        shown to the current user through surface (see SURFACES): the place
        for the read log."""

    @classmethod
    def _disclose(cls, complaints, surface, hidden):
        "Tell identity_disclosed of the confidential complaints shown."
        with without_check_access():
            shown = [c for c in cls.browse([c.id for c in complaints])
                if c.confidential and c.id not in hidden]
        if shown:
            cls.identity_disclosed(shown, surface)

    @classmethod
    def read(cls, ids, fields_names):
        rows = super().read(ids, fields_names)
        if not Transaction().check_access:
            return rows
        asked = {root(n) for n in fields_names} & set(HIDDEN_FIELDS)
        if not asked or not rows:
            return rows
        complaints = cls.browse([r['id'] for r in rows])
        hidden = cls.hidden_identities(complaints)
        if hidden:
            types = _types(cls, asked)
            mask = masked_text()
            for row in rows:
                if row['id'] in hidden:
                    mask_row(row, types, mask)
        cls._disclose(complaints, 'screen', hidden)
        return rows

    @classmethod
    def search(cls, domain, offset=0, limit=None, order=None, count=False,
            query=False):
        guard = search_guard(query)
        if guard is not None:
            domain = guard_domain(domain, HIDDEN_FIELDS, guard)
            order = unhidden_order(order, HIDDEN_FIELDS)
        return super().search(domain, offset=offset, limit=limit,
            order=order, count=count, query=query)

    @classmethod
    def export_data(cls, records, fields_names, header=False):
        columns = [i for i, n in enumerate(fields_names)
            if root(n.split('/', 1)[0]) in HIDDEN_FIELDS]
        if not Transaction().check_access or not columns:
            return super().export_data(records, fields_names, header=header)
        hidden = cls.hidden_identities(records)
        mask = masked_text()
        data = super().export_data([], fields_names, header=header)
        for record in records:
            rows = super().export_data([record], fields_names)
            if record.id in hidden:
                # The record's own line: the next ones are of its children.
                for i in columns:
                    rows[0][i] = mask
            data += rows
        cls._disclose(records, 'export', hidden)
        return data

    def _changed_values(self):
        # An on-change answer loads what the client did not send from the
        # database: the hidden values must not come back that way.
        values = super()._changed_values()
        if (Transaction().check_access and self.id is not None
                and self.id >= 0
                and set(values) & set(HIDDEN_FIELDS)
                and self.hidden_identities([self])):
            mask_row(values, _types(self, set(values) & set(HIDDEN_FIELDS)),
                masked_text())
            for name in list(values):
                if name.endswith('.') and root(name) in HIDDEN_FIELDS:
                    values[name] = None
        return values

    @classmethod
    def check_modification(cls, mode, complaints, values=None, external=False):
        super().check_modification(
            mode, complaints, values=values, external=external)
        if mode == 'write' and external:
            touched = set(values) & set(HIDDEN_FIELDS)
            # Lifting the confidentiality would show the identity.
            if values.get('confidential') is False:
                touched.add('confidential')
            if touched:
                cls._refuse_hidden(complaints)

    @classmethod
    def _refuse_hidden(cls, complaints):
        hidden = cls.hidden_identities(complaints)
        for complaint in complaints:
            if complaint.id in hidden:
                raise AccessError(gettext(
                        'yankomas_complaint.msg_complaint_identity_hidden',
                        complaint=complaint.rec_name))

    @classmethod
    def copy(cls, complaints, default=None):
        if Transaction().check_access:
            cls._refuse_hidden(complaints)
        return super().copy(complaints, default=default)


class IdentityCopyMixin:
    """For a record of a complaint that holds a copy of its identity (a
    revision's values, a chain link's payload): masked and guarded as the
    complaint is.

    _identity_copies names the fields holding the copy; carries_identity
    tells which records hold one, and copyless_domain which do not."""
    __slots__ = ()
    _identity_copies = ()

    @classmethod
    def copyless_domain(cls):
        raise NotImplementedError

    def carries_identity(self):
        raise NotImplementedError

    @classmethod
    def read(cls, ids, fields_names):
        Complaint = Pool().get('yankomas.complaint')
        rows = super().read(ids, fields_names)
        asked = set(fields_names) & set(cls._identity_copies)
        if not Transaction().check_access or not asked or not rows:
            return rows
        with without_check_access():
            records = [r for r in cls.browse([r['id'] for r in rows])
                if r.carries_identity()]
        hidden = Complaint.hidden_identities([r.complaint for r in records])
        masked = {r.id for r in records if r.complaint.id in hidden}
        mask = masked_text()
        for row in rows:
            if row['id'] in masked:
                mask_row(row, {n: 'text' for n in asked}, mask)
        return rows

    @classmethod
    def search(cls, domain, offset=0, limit=None, order=None, count=False,
            query=False):
        guard = search_guard(query)
        if guard is not None:
            guard = ['OR',
                cls.copyless_domain(),
                ('complaint', 'where', guard),
                ]
            domain = guard_domain(domain, cls._identity_copies, guard)
            order = unhidden_order(order, cls._identity_copies)
        return super().search(domain, offset=offset, limit=limit,
            order=order, count=count, query=query)


class _Shown:
    "A record as the current user may be shown it: its hidden fields masked."
    __slots__ = ('_record', '_masked')

    def __init__(self, record, masked):
        self._record = record
        self._masked = masked

    def __getattr__(self, name):
        value = getattr(self._record, name)
        if name not in self._masked:
            return value
        type_ = self._masked[name]
        if type_ in ('many2one', 'selection'):
            return None
        if type_ == 'revisions':
            return [_Shown(r, {'old_value': 'text', 'new_value': 'text'})
                if r.carries_identity() else r for r in value]
        return masked_text() if value else value

    def __str__(self):
        return str(self._record)

    def __eq__(self, other):
        if isinstance(other, _Shown):
            other = other._record
        return self._record == other

    def __hash__(self):
        return hash(self._record)


def shown(complaints, surface):
    """The complaints as the current user may be shown them on surface (a
    print, a mail): the hidden identities masked, the others logged as
    disclosed."""
    if not complaints:
        return []
    Complaint = Pool().get('yankomas.complaint')
    hidden = Complaint.hidden_identities(complaints)
    masked = _types(Complaint, HIDDEN_FIELDS)
    masked['revisions'] = 'revisions'
    Complaint._disclose(complaints, surface, hidden)
    return [_Shown(c, masked) if c.id in hidden else c for c in complaints]
