import datetime as dt

from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, fields
from trytond.model.exceptions import ValidationError
from trytond.pool import Pool

from .exceptions import TimeStandardMissing
from .pipeline import INTEGRITY_STEPS, STEPS


class TimeStandard(ModelSQL, ModelView):
    __name__ = 'yankomas.time_standard'
    __string__ = "Time Standard"

    company = fields.Many2One(
        'company.company', "Office", ondelete='CASCADE',
        help="Leave empty for the default of every office.")
    step = fields.Selection('get_steps', "Step", required=True, sort=False)
    duration = fields.TimeDelta(
        "Duration", required=True,
        help="The SOP quality standard (mutu baku) of the step.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order.insert(0, ('company', 'ASC NULLS FIRST'))

    @classmethod
    def get_steps(cls):
        Step = Pool().get('yankomas.complaint.step')
        return Step.fields_get(['step'])['step']['selection']

    @classmethod
    def validate_fields(cls, standards, field_names):
        super().validate_fields(standards, field_names)
        for standard in standards:
            if standard.duration is not None and standard.duration <= dt.timedelta():
                raise ValidationError(gettext(
                        'yankomas_complaint.msg_time_standard_positive'))
            others = cls.search([
                    ('company', '=', standard.company),
                    ('step', '=', standard.step),
                    ('id', '!=', standard.id),
                    ], limit=1)
            if others:
                raise ValidationError(gettext(
                        'yankomas_complaint.msg_time_standard_unique'))

    @classmethod
    def duration_of(cls, company, step):
        "The office's standard for step, else the default of every office."
        assert step in STEPS + INTEGRITY_STEPS
        standards = cls.search([
                ('company', 'in', [company.id if company else None, None]),
                ('step', '=', step),
                ])
        standards.sort(key=lambda s: s.company is None)
        if not standards:
            raise TimeStandardMissing(gettext(
                    'yankomas_complaint.msg_time_standard_missing',
                    step=step))
        return standards[0].duration
