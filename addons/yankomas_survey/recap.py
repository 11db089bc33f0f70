"""The IKM in the Laporan Rekapitulasi: per service and for every service
together, frozen with the recap's other figures (computed by the recap's
compute, hence at submission for the last time), with a digest of the
responses counted; and its section in the recap's PDF."""
import os

from genshi.core import Markup
from genshi.template import TemplateLoader

from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, fields
from trytond.pool import Pool, PoolMeta
from trytond.transaction import without_check_access

from yankomas_recap.recap import RecapPartMixin

from . import figures, ikm
from .survey import SERVICES, element_fields, element_labels

RECAP_SERVICES = SERVICES + [(figures.ALL, "All services")]
_loader = TemplateLoader(
    [os.path.dirname(os.path.abspath(__file__))], auto_reload=False)


class Recap(metaclass=PoolMeta):
    __name__ = 'yankomas.recap'

    surveys = fields.One2Many(
        'yankomas.recap.survey', 'recap', "Satisfaction Index (IKM)",
        readonly=True)
    survey_digest = fields.Char(
        "Survey Digest", readonly=True,
        help="SHA-256 over the survey responses the figures counted.")
    survey_unchanged = fields.Function(
        fields.Boolean(
            "Survey Responses Unchanged",
            help="The responses of the period, read again now, give the "
            "same digest."),
        'get_survey_unchanged')

    @classmethod
    def copy(cls, recaps, default=None):
        default = default.copy() if default is not None else {}
        default.setdefault('surveys', None)
        default.setdefault('survey_digest', None)
        return super().copy(recaps, default=default)

    @property
    def survey_bounds(self):
        """The UTC span of the responses counted: the period, up to when
        its figures were computed."""
        start, end = self.period_bounds
        return start, min(end, self.computed) if self.computed else end

    @property
    def survey_days(self):
        "The office's days of the period up to today (the populations')."
        return self.from_date, min(self.to_date, self.calendar.today())

    @classmethod
    @ModelView.button
    def compute(cls, recaps):
        pool = Pool()
        RecapSurvey = pool.get('yankomas.recap.survey')
        Grade = pool.get('yankomas.survey.grade')
        super().compute(recaps)
        recaps = [r for r in cls.browse(recaps) if r.state == 'draft']
        RecapSurvey.delete([s for r in recaps for s in r.surveys])
        bands = Grade.bands()
        rows = []
        for recap in recaps:
            start, end = recap.survey_bounds
            first, last = recap.survey_days
            for sequence, (service, summary, population, minimum) in (
                    enumerate(figures.summaries(recap.company, start, end,
                            first, last, bands), 1)):
                rows.append(dict(
                        RecapSurvey.values_of(summary),
                        recap=recap.id, sequence=sequence, service=service,
                        population=population, minimum_sample=minimum))
            recap.survey_digest = figures.digest(recap.company, start, end)
        RecapSurvey.create(rows)
        cls.save(recaps)

    def get_survey_unchanged(self, name):
        if not self.survey_digest:
            return None
        with without_check_access():
            return self.survey_digest == figures.digest(
                self.company, *self.survey_bounds)

@element_fields(lambda e: fields.Numeric(
        e.english, digits=(4, ikm.NRR_PLACES),
        help="The average score (NRR) of the element, from 1 to 4."))
class RecapSurvey(RecapPartMixin, ModelSQL, ModelView):
    "The IKM of one service (or all) as the recap froze it."
    __name__ = 'yankomas.recap.survey'
    __string__ = "Recap Satisfaction Index"

    sequence = fields.Integer("Sequence")
    service = fields.Selection(RECAP_SERVICES, "Service", sort=False)
    service_string = service.translated('service')
    respondents = fields.Integer("Respondents")
    population = fields.Integer(
        "Population",
        help="The people served in the period: the complaints closed for "
        "the complaint service, the configured people a month for the "
        "others.")
    minimum_sample = fields.Integer(
        "Minimum Sample",
        help="The respondents the population needs (Krejcie and Morgan).")
    sample_reached = fields.Function(
        fields.Boolean("Sample Reached"), 'get_sample_reached')
    index = fields.Numeric(
        "Index", digits=(5, ikm.INDEX_PLACES),
        help="The sum of the NRR times 1/9, times 25 (from 25 to 100).")
    grade = fields.Char("Grade")
    quality = fields.Function(fields.Char("Service Quality"), 'get_quality')
    weakest = fields.Char(
        "Weakest Elements", help="The keys of the lowest-scoring elements.")
    weakest_string = fields.Function(
        fields.Char("Weakest Elements"), 'get_weakest_string')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('sequence', 'ASC'), ('id', 'ASC')]

    @staticmethod
    def values_of(summary):
        "The stored values of an ikm.Summary."
        values = {k: ikm.rounded(v, ikm.NRR_PLACES)
            for k, v in summary.nrr.items()}
        values.update({
                'respondents': summary.respondents,
                'index': summary.value,
                'grade': summary.grade.letter if summary.grade else None,
                'weakest': ','.join(summary.weakest) or None,
                })
        return values

    def get_sample_reached(self, name):
        if self.minimum_sample is None:
            return None
        return (self.respondents or 0) >= self.minimum_sample

    def get_quality(self, name):
        Grade = Pool().get('yankomas.survey.grade')
        with without_check_access():
            return Grade.quality_of(self.grade)

    def get_weakest_string(self, name):
        labels = self.element_labels()
        return ', '.join(labels.get(k, k)
            for k in (self.weakest or '').split(',') if k)

    @classmethod
    def element_labels(cls):
        return element_labels(cls)

class RecapReport(metaclass=PoolMeta):
    __name__ = 'yankomas.recap.report'

    @classmethod
    def sections(cls, recap):
        return super().sections(recap) + [Markup(cls.survey_section(recap))]

    @classmethod
    def survey_section(cls, recap):
        "The HTML of the IKM section of recap (recap_survey.html)."
        RecapSurvey = Pool().get('yankomas.recap.survey')
        template = _loader.load('recap_survey.html')
        rows = list(recap.surveys)
        labels = RecapSurvey.element_labels()

        def number(value, digits):
            if value is None:
                return '-'
            return cls.format_number(value, None, digits=digits)

        def reached(row):
            if row.sample_reached is None:
                return section_text('unknown')
            return section_text('yes' if row.sample_reached else 'no')

        summary = [(row.service_string, row.respondents,
                number(row.population, 0), number(row.minimum_sample, 0),
                reached(row), number(row.index, ikm.INDEX_PLACES),
                '%s (%s)' % (row.grade, row.quality) if row.grade else '-')
            for row in rows]
        elements = [('%d. %s' % (i, labels[e.key]),
                [number(getattr(row, e.key), ikm.NRR_PLACES) for row in rows])
            for i, e in enumerate(ikm.ELEMENTS, 1)]
        weakest = [(section_text('weakest', service=row.service_string),
                row.weakest_string) for row in rows if row.weakest]
        return str(template.generate(
                t=section_text, services=[r.service_string for r in rows],
                summary=summary, elements=elements, weakest=weakest,
                empty=not any(r.respondents for r in rows),
                ).render('html', encoding=None))


def section_text(name, **values):
    "The recap section's text name (message msg_recap_<name>)."
    return gettext('yankomas_survey.msg_recap_%s' % name, **values)

