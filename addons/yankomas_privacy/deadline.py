"""What a register under the 3 x 24 hour clock shares (breaches, requests of
data subjects): its deadline, when it is overdue (one rule, in Python and
in SQL), and the scheduler's notice, once, to the office's data-protection
officers and head of office."""
from sql import Null

from trytond.i18n import gettext
from trytond.model import fields
from trytond.pool import Pool
from trytond.pyson import Eval, If
from trytond.transaction import without_check_access

from company_working_calendar import clock

from . import notification


class DeadlineMixin:
    """A record whose clock runs from the field _clock_start while its state
    is one of _clock_states; _overdue_messages are the ids of the notice's
    label and text, the text getting the record's name as the keyword
    _overdue_name."""
    __slots__ = ()
    _clock_start = None
    _clock_states = ()
    _overdue_messages = (None, None)
    _overdue_name = 'record'

    deadline = fields.Function(
        fields.DateTime("Deadline"), 'get_deadline')
    overdue = fields.Function(
        fields.Boolean("Overdue"), 'get_overdue', searcher='search_overdue')
    overdue_noticed = fields.DateTime(
        "Overdue Noticed", readonly=True,
        help="When the scheduler told the office the deadline had passed.")

    @classmethod
    def view_attributes(cls):
        return super().view_attributes() + [
            ('/tree', 'visual', If(Eval('overdue'), 'danger', '')),
            ]

    def get_deadline(self, name):
        return notification.deadline(getattr(self, self._clock_start))

    def get_overdue(self, name):
        return (self.state in self._clock_states
            and notification.past_deadline(
                getattr(self, self._clock_start), clock.now()))

    @classmethod
    def overdue_sql(cls, table, now=None):
        "SQL: the record is still waiting, past its deadline."
        return (table.state.in_(list(cls._clock_states))
            & (getattr(table, cls._clock_start)
                < (now or clock.now()) - notification.WINDOW))

    @classmethod
    def search_overdue(cls, name, clause):
        table = cls.__table__()
        _, operator, value = clause[:3]
        query = table.select(table.id, where=cls.overdue_sql(table))
        wanted = (operator == '=') == bool(value)
        return [('id', 'in' if wanted else 'not in', query)]

    @classmethod
    def notice_overdue(cls):
        """The scheduler: tell the office's data-protection officers and
        head of office, once, of each record past its deadline."""
        pool = Pool()
        ModelData = pool.get('ir.model.data')
        Group = pool.get('res.group')
        Notification = pool.get('res.notification')
        table = cls.__table__()
        now = clock.now()
        label, text = cls._overdue_messages
        with without_check_access():
            records = cls.search([
                    ('id', 'in', table.select(table.id,
                            where=cls.overdue_sql(table, now)
                            & (table.overdue_noticed == Null))),
                    ])
            groups = Group.browse([
                    ModelData.get_id('yankomas_privacy',
                        'group_data_protection'),
                    ModelData.get_id('yankomas_complaint',
                        'group_kepala_kantor')])
            users = {u for g in groups for u in g.users}
            Notification.create([{
                        'user': user.id,
                        'label': gettext(label),
                        'description': gettext(text, **{
                                    cls._overdue_name: record.rec_name}),
                        'icon': 'tryton-warning',
                        'model': cls.__name__,
                        'records': '[%d]' % record.id,
                        } for record in records for user in users
                    if record.company in user.companies])
            cls.write(records, {'overdue_noticed': now})
        return records
