"""Changes to a complaint after its intake: revisions while it is handled,
corrections (with their reason) once it is closed."""
from trytond.i18n import gettext
from trytond.model import Index, ModelSQL, ModelView, fields
from trytond.pool import Pool
from trytond.transaction import Transaction, without_check_access

from company_working_calendar import clock

from .confidential import HIDDEN_FIELDS
from .confidentiality import IdentityCopyMixin
from .link import ChainedMixin
from .pipeline import INTAKE_STATES
from .record import NamedAfterMixin, ServerWrittenMixin

# The context key of a correction, holding its reason: set on the server by
# the correct wizard only (RPC drops the context keys beginning with '_').
CORRECTION = '_yankomas_correction'

TEXT_FORMATS = {
    'datetime': '%d/%m/%Y %H:%M',
    'date': '%d/%m/%Y',
    }


def field_text(record, name):
    """The value of field name of record as a person reads it (and writes it
    back in a correction): a record's name, a selection's label, a date and
    time in office time."""
    pool = Pool()
    Calendar = pool.get('company.working_calendar')
    field = record._fields[name]
    value = getattr(record, name)
    if value is None or value == '':
        return ''
    if field._type == 'many2one':
        return value.rec_name
    if field._type == 'selection':
        label = getattr(record, name + '_string', None)
        return label if isinstance(label, str) and label else str(value)
    if field._type == 'boolean':
        return gettext('yankomas_complaint.msg_yes' if value
            else 'yankomas_complaint.msg_no')
    if field._type == 'datetime':
        return Calendar.of(record.company).format_local(value, zone=False)
    if field._type == 'date':
        return value.strftime(TEXT_FORMATS['date'])
    return str(value)


class Revision(
        NamedAfterMixin, IdentityCopyMixin, ChainedMixin, ServerWrittenMixin,
        ModelSQL, ModelView):
    __name__ = 'yankomas.complaint.revision'
    __string__ = "Complaint Revision"
    _identity_copies = ('old_value', 'new_value')

    complaint = fields.Many2One(
        'yankomas.complaint', "Complaint", required=True,
        ondelete='RESTRICT')
    kind = fields.Selection([
            ('revision', "Revision"),
            ('correction', "Correction"),
            ], "Kind", required=True, sort=False,
        help="A revision is made while the complaint is handled; "
        "a correction by the head of office, with its reason.")
    kind_string = kind.translated('kind')
    step = fields.Many2One(
        'yankomas.complaint.step', "Step", ondelete='RESTRICT',
        help="The step the complaint was at.")
    field = fields.Char("Field Name", required=True)
    field_string = fields.Function(
        fields.Char("Field"), 'get_field_string')
    old_value = fields.Text("Old Value")
    new_value = fields.Text("New Value")
    user = fields.Many2One('res.user', "Changed by", ondelete='RESTRICT')
    date = fields.DateTime("Changed", required=True)
    reason = fields.Text("Reason")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('complaint')
        t = cls.__table__()
        cls._sql_indexes.add(Index(t, (t.complaint, Index.Range())))
        cls._order = [('date', 'ASC'), ('id', 'ASC')]

    @classmethod
    def change(cls, complaint, step, field, old_value, new_value):
        """The values of a revision of complaint at step (an id) made now by
        the user: a correction, with its reason, in a correction's
        context."""
        reason = Transaction().context.get(CORRECTION)
        return {
            'complaint': complaint.id,
            'kind': 'correction' if reason else 'revision',
            'step': step,
            'field': field,
            'old_value': old_value,
            'new_value': new_value,
            'user': Transaction().user or None,
            'date': clock.now(),
            'reason': reason or None,
            }

    def _name_parts(self):
        return (self.kind_string, self.field_string)

    @classmethod
    def copyless_domain(cls):
        return [('field', 'not in', list(HIDDEN_FIELDS))]

    def carries_identity(self):
        return self.field in HIDDEN_FIELDS

    def get_field_string(self, name):
        Complaint = Pool().get('yankomas.complaint')
        if self.field in Complaint._fields:
            return Complaint.fields_get([self.field])[self.field]['string']
        if self.field == 'evidence':
            return gettext('yankomas_complaint.msg_revision_evidence')
        return self.field


class RevisedMixin:
    """A complaint whose changes after the intake are kept as revisions
    (corrections, in the context of a correction with its reason); it
    names them with revised_fields()."""
    __slots__ = ()

    @classmethod
    def write(cls, *args):
        before = cls._revisable(args)
        super().write(*args)
        cls._record_revisions(before)

    @classmethod
    def _revisable(cls, args):
        """{complaint id: (open step, {field: old text})} of the complaints
        past intake that args change."""
        revised = set(cls.revised_fields())
        if Transaction().context.get(CORRECTION):
            revised.add('resolution')
        before = {}
        for records, values in zip(args[::2], args[1::2]):
            names = revised & set(values)
            if not names:
                continue
            for complaint in records:
                if complaint.state in INTAKE_STATES:
                    continue
                step = complaint.current_step
                _, old = before.setdefault(
                    complaint.id, (step.id if step else None, {}))
                for name in names:
                    old.setdefault(name, field_text(complaint, name))
        return before

    @classmethod
    def _record_revisions(cls, before):
        Revision = Pool().get('yankomas.complaint.revision')
        if not before:
            return
        vlist = []
        for complaint in cls.browse(list(before)):
            step, old = before[complaint.id]
            for name, old_text in sorted(old.items()):
                new_text = field_text(complaint, name)
                if new_text != old_text:
                    vlist.append(Revision.change(
                            complaint, step, name, old_text, new_text))
        with without_check_access():
            Revision.create(vlist)
