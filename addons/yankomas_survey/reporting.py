"""The IKM in the reporting: per period (a graph by month and element) and
per element, over the responses of the office and dates of the context,
as yankomas_reporting's models are made (table queries, the office checked
on every query). The sums are counted in SQL; the averages, the index and
the grade come from ikm.py."""
import datetime as dt

from sql import Literal, Values
from sql.aggregate import Count, Sum
from sql.conditionals import Case, Coalesce

from trytond.model import fields
from trytond.pool import Pool
from trytond.transaction import Transaction

from yankomas_reporting.reporting import (
    Reporting, ReportingContext, ReportingPeriod)

from . import ikm
from .survey import SERVICES, element_fields

_total = element_fields(
    lambda e: fields.Integer("%s (sum)" % e.english), suffix='_total')
_nrr = element_fields(
    lambda e: fields.Function(
        fields.Float(e.english, digits=(4, ikm.NRR_PLACES)), 'get_nrr'))


class SurveyContext(ReportingContext):
    __name__ = 'yankomas.reporting.survey.context'
    __string__ = "Satisfaction Reporting Context"

    service = fields.Selection(
        [(None, "All services")] + SERVICES, "Service", sort=False)

    @classmethod
    def default_service(cls):
        return context_service()


def context_service():
    "The service of the context, if it is one."
    service = Transaction().context.get('service')
    return service if service in dict(SERVICES) else None


def _responses_of(response, window):
    "SQL: the rows of the office's responses (of the service chosen)."
    condition = ((response.company == window.office_id)
        & Literal(window.valid))
    service = context_service()
    if service:
        condition &= response.service == service
    return condition


class SurveyFiguresMixin:
    "The respondents and the IKM of a row, from its sums."
    __slots__ = ()

    respondents = fields.Integer("Respondents")
    index = fields.Function(
        fields.Float("Index", digits=(5, ikm.INDEX_PLACES)), 'get_index')
    grade = fields.Function(fields.Char("Grade"), 'get_grade')

    def totals(self):
        "{key: (sum, count)} of the row (every answer is required)."
        return {k: (getattr(self, k + '_total') or 0, self.respondents or 0)
            for k in ikm.KEYS}

    def get_index(self, name):
        value = ikm.rounded(ikm.index(ikm.nrr(self.totals())),
            ikm.INDEX_PLACES)
        return float(value) if value is not None else None

    @classmethod
    def get_grade(cls, rows, name):
        Grade = Pool().get('yankomas.survey.grade')
        bands = Grade.bands()
        result = {}
        for row in rows:
            band = ikm.grade(ikm.index(ikm.nrr(row.totals())), bands)
            result[row.id] = band.letter if band else None
        return result


@_nrr
@_total
class ReportingSurvey(SurveyFiguresMixin, Reporting):
    __name__ = 'yankomas.reporting.survey'
    __string__ = "Satisfaction per Period"
    _label_key = 'date'

    date = fields.Date("Start", readonly=True)
    label = fields.Function(fields.Char("Period"), 'get_label')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('date', 'ASC'), ('id', 'ASC')]

    @classmethod
    def _query(cls, window):
        """The periods of the range with respondents: an average of nobody
        is no figure (a graph would draw it as 0)."""
        Response = Pool().get('yankomas.survey.response')
        response = Response.__table__()
        rows = [[s.toordinal(), s, b, e] for s, b, e in window.periods()]
        # VALUES needs a row: a placeholder that the WHERE drops.
        period = Values(rows or [[1, dt.date(1970, 1, 1),
                    window.begin, window.end]])
        id_, start, begin, end = (period.column1, period.column2,
            period.column3, period.column4)
        return (period
            .join(response, 'LEFT',
                condition=_responses_of(response, window)
                & (response.submitted >= begin) & (response.submitted < end))
            .select(
                *cls._meta_columns(id_, window),
                cls.date.sql_cast(start).as_('date'),
                Count(response.id).as_('respondents'),
                *(Coalesce(Sum(getattr(response, k)), 0).as_(k + '_total')
                    for k in ikm.KEYS),
                where=Literal(bool(rows)),
                group_by=[id_, start],
                having=Count(response.id) > 0))

    # The period's label as the complaints per period show it.
    get_label = ReportingPeriod.get_label

    @classmethod
    def get_nrr(cls, rows, names):
        result = {n: {} for n in names}
        for row in rows:
            averages = ikm.nrr(row.totals())
            for name in names:
                value = ikm.rounded(averages[name], ikm.NRR_PLACES)
                result[name][row.id] = (
                    float(value) if value is not None else None)
        return result


class ReportingSurveyElement(Reporting):
    __name__ = 'yankomas.reporting.survey.element'
    __string__ = "Satisfaction per Element"
    _label_key = 'id'

    element = fields.Selection(
        [(e.key, e.english) for e in ikm.ELEMENTS], "Element",
        readonly=True, sort=False)
    label = fields.Function(fields.Char("Element"), 'get_label')
    respondents = fields.Integer("Respondents")
    total = fields.Integer("Sum of Scores")
    nrr = fields.Function(
        fields.Float("Average Score (NRR)", digits=(4, ikm.NRR_PLACES)),
        'get_nrr')
    converted = fields.Function(
        fields.Float(
            "Converted (x 25)", digits=(5, ikm.INDEX_PLACES),
            help="The element's average on the index's scale 25-100."),
        'get_nrr')

    @classmethod
    def _query(cls, window):
        "One row per element, in the regulation's order."
        Response = Pool().get('yankomas.survey.response')
        response = Response.__table__()
        totals = response.select(
            Count(Literal(1)).as_('respondents'),
            *(Sum(getattr(response, k)).as_(k) for k in ikm.KEYS),
            where=_responses_of(response, window)
            & (response.submitted >= window.begin)
            & (response.submitted < window.end))
        elements = Values([[i, k] for i, k in enumerate(ikm.KEYS, 1)])
        return (elements
            .join(totals, condition=Literal(True))
            .select(
                *cls._meta_columns(elements.column1, window),
                elements.column2.as_('element'),
                Coalesce(totals.respondents, 0).as_('respondents'),
                Coalesce(Case(*((elements.column2 == k, getattr(totals, k))
                            for k in ikm.KEYS), else_=0), 0).as_('total'),
                where=Literal(window.office_id is not None)))

    def get_label(self, name):
        return dict(self.fields_get(['element'])['element']['selection']
            ).get(self.element, self.element)

    def get_nrr(self, name):
        average = ikm.nrr({self.element: (
                    self.total or 0, self.respondents or 0)})[self.element]
        if average is None:
            return None
        if name == 'converted':
            return float(ikm.rounded(average * ikm.SCALE, ikm.INDEX_PLACES))
        return float(ikm.rounded(average, ikm.NRR_PLACES))
