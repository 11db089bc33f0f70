"""The legal deadlines of a complaint, kept on the office's working
calendar."""
import datetime as dt

from trytond.model import fields
from trytond.pool import PoolMeta

DAY_KINDS = [
    ('calendar', "Calendar days"),
    ('working', "Working days"),
    ]


class Calendar(metaclass=PoolMeta):
    __name__ = 'company.working_calendar'

    answer_days = fields.Integer(
        "Answer Within", required=True,
        help="Days within which the complainant must get an answer.")
    answer_day_kind = fields.Selection(DAY_KINDS, "Answer Days",
        required=True)
    decision_days = fields.Integer(
        "Decide Within", required=True,
        help="Days within which a complete complaint must be decided.")
    decision_day_kind = fields.Selection(DAY_KINDS, "Decision Days",
        required=True)

    @staticmethod
    def default_answer_days():
        return 14

    @staticmethod
    def default_answer_day_kind():
        return 'working'

    @staticmethod
    def default_decision_days():
        return 60

    @staticmethod
    def default_decision_day_kind():
        return 'working'

    def legal_deadline(self, received, kind):
        "The date by which a complaint received then must be answered or decided."
        engine = self.engine()
        day = engine.local_date(received)
        days = getattr(self, '%s_days' % kind)
        if getattr(self, '%s_day_kind' % kind) == 'calendar':
            return day + dt.timedelta(days=days)
        return engine.add_working_days(day, days)
