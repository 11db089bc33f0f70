"""The survey's records: the tokens that let one visitor answer once, and
the responses, which only the public pages create and nobody changes."""
import datetime as dt
import re
import secrets

from sql import Null

from trytond.i18n import gettext
from trytond.model import Index, ModelSQL, ModelView, Unique, fields
from trytond.pool import Pool
from trytond.pyson import Eval
from trytond.transaction import without_check_access

from company_working_calendar import clock
from yankomas_complaint.record import ServerWrittenMixin
from yankomas_public import links

from . import ikm
from .exceptions import SurveyTokenUsed
from .questionnaire import COMMENT_MAX

# The services a respondent may have received (the kiosk is open to any
# visitor of the office).
SERVICES = [
    ('passport', "Passport"),
    ('stay_permit', "Stay Permit"),
    ('visa', "Visa"),
    ('complaint', "Complaint Handling"),
    ]
ORIGINS = [
    ('complaint', "Complaint"),
    ('printed', "Printed slip"),
    ('kiosk', "Kiosk"),
    ]
# The respondent's profile, as the regulation's questionnaire asks it
# (all optional).
SEXES = [
    ('male', "Male"),
    ('female', "Female"),
    ]
EDUCATIONS = [
    ('primary', "Primary school or less"),
    ('junior', "Junior high school"),
    ('senior', "Senior high school"),
    ('diploma', "Diploma (D1-D3)"),
    ('bachelor', "Bachelor (D4/S1)"),
    ('postgraduate', "Master's degree or higher (S2/S3)"),
    ]
OCCUPATIONS = [
    ('civil_servant', "Civil servant (PNS)"),
    ('military', "Armed forces (TNI)"),
    ('police', "Police (POLRI)"),
    ('private', "Private employee"),
    ('self_employed', "Self-employed"),
    ('student', "Pupil or student"),
    ('other', "Other"),
    ]
PROFILE = {
    'sex': [k for k, _ in SEXES],
    'education': [k for k, _ in EDUCATIONS],
    'occupation': [k for k, _ in OCCUPATIONS],
    }
# secrets.token_urlsafe(16): 128 random bits in 22 characters.
CODE_BYTES = 16
_CODE = re.compile(r'[A-Za-z0-9_-]{22}')


def element_fields(make, suffix=''):
    """Decorate a class with one field per IKM element (ikm.ELEMENTS), named
    by its key (and suffix) and made by make(element): the nine are
    declared once."""
    def decorator(cls):
        for element in ikm.ELEMENTS:
            setattr(cls, element.key + suffix, make(element))
        return cls
    return decorator


def element_labels(model):
    """{key: label} of the nine element fields of model, in the context's
    language (the field strings are the elements' names)."""
    return {k: d['string']
        for k, d in model.fields_get(list(ikm.KEYS)).items()}


def score_field(element):
    "An answer to element: 1 to 4, as the regulation scores it."
    return fields.Integer(
        element.english, required=True,
        domain=[(element.key, 'in', list(ikm.SCORES))],
        help="From 1 (the lowest) to 4 (the highest), as the regulation "
        "scores the answers.")


class Token(ServerWrittenMixin, ModelSQL, ModelView):
    __name__ = 'yankomas.survey.token'
    __string__ = "Survey Token"
    _rec_name = 'code'

    code = fields.Char(
        "Code", required=True,
        help="Random and unguessable: the survey's address holds it.")
    company = fields.Many2One(
        'company.company', "Office", required=True, ondelete='RESTRICT')
    origin = fields.Selection(ORIGINS, "Origin", required=True, sort=False)
    origin_string = origin.translated('origin')
    service = fields.Selection(
        [(None, "")] + SERVICES, "Service", sort=False,
        states={'required': Eval('origin') != 'kiosk'},
        help="Chosen by the visitor at the kiosk.")
    service_string = service.translated('service')
    complaint = fields.Many2One(
        'yankomas.complaint', "Complaint", ondelete='SET NULL',
        states={'invisible': Eval('origin') != 'complaint'})
    issued = fields.DateTime("Issued", required=True)
    used = fields.DateTime("Answered", help="When its survey was answered.")
    url = fields.Function(fields.Char("Address"), 'get_url')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('code_unique', Unique(t, t.code),
                'yankomas_survey.msg_token_code_unique'),
            ('complaint_unique', Unique(t, t.complaint),
                'yankomas_survey.msg_token_complaint_unique'),
            ]
        cls._sql_indexes.add(Index(t,
                (t.origin, Index.Equality(cardinality='low')),
                (t.issued, Index.Range()),
                where=t.used == Null))
        cls._order = [('issued', 'DESC'), ('id', 'DESC')]

    @classmethod
    def issue(cls, company, origin, service=None, complaint=None, count=1):
        "count new tokens of the office company, for origin and service."
        now = clock.now()
        return cls.create([{
                    'code': secrets.token_urlsafe(CODE_BYTES),
                    'company': company.id,
                    'origin': origin,
                    'service': service,
                    'complaint': complaint.id if complaint else None,
                    'issued': now,
                    } for _ in range(count)])

    @classmethod
    def by_code(cls, text, origins=None):
        """The token of the code a visitor brings, or None; a text that
        cannot be a code is not looked up."""
        if not isinstance(text, str) or not _CODE.fullmatch(text):
            return None
        domain = [('code', '=', text)]
        if origins is not None:
            domain.append(('origin', 'in', list(origins)))
        with without_check_access():
            found = cls.search(domain, limit=1)
        return found[0] if found else None

    def get_url(self, name):
        return links.url('%s/%s' % (links.SURVEY, self.code))

    @classmethod
    def purge_kiosk(cls):
        """Forget the kiosk's tokens shown a day ago and never answered
        (every display of the kiosk's form issues one)."""
        with without_check_access():
            cls.delete(cls.search([
                        ('origin', '=', 'kiosk'),
                        ('used', '=', None),
                        ('issued', '<', clock.now() - dt.timedelta(days=1)),
                        ]))


@element_fields(score_field)
class Response(ServerWrittenMixin, ModelSQL, ModelView):
    __name__ = 'yankomas.survey.response'
    __string__ = "Survey Response"

    company = fields.Many2One(
        'company.company', "Office", required=True, ondelete='RESTRICT')
    service = fields.Selection(SERVICES, "Service", required=True, sort=False)
    service_string = service.translated('service')
    origin = fields.Selection(ORIGINS, "Origin", required=True, sort=False)
    origin_string = origin.translated('origin')
    token = fields.Many2One(
        'yankomas.survey.token', "Token", required=True, ondelete='RESTRICT')
    complaint = fields.Many2One(
        'yankomas.complaint', "Complaint", ondelete='SET NULL')
    age = fields.Integer(
        "Age", domain=['OR', ('age', '=', None), [
                ('age', '>=', 10), ('age', '<=', 120)]])
    sex = fields.Selection([(None, "")] + SEXES, "Sex", sort=False)
    sex_string = sex.translated('sex')
    education = fields.Selection(
        [(None, "")] + EDUCATIONS, "Education", sort=False)
    education_string = education.translated('education')
    occupation = fields.Selection(
        [(None, "")] + OCCUPATIONS, "Occupation", sort=False)
    occupation_string = occupation.translated('occupation')
    comment = fields.Text("Suggestions and Input", size=COMMENT_MAX)
    submitted = fields.DateTime("Submitted", required=True)
    index = fields.Function(
        fields.Numeric("Index", digits=(5, 2),
            help="This response's own index: its nine answers on the scale "
            "25-100."),
        'get_index')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('token_unique', Unique(t, t.token),
                'yankomas_survey.msg_response_token_unique'),
            ]
        cls._sql_indexes.add(Index(t,
                (t.company, Index.Equality()),
                (t.submitted, Index.Range())))
        cls._order = [('submitted', 'DESC'), ('id', 'DESC')]

    def get_rec_name(self, name):
        return '%s (%s)' % (self.service_string,
            self.submitted.strftime('%d/%m/%Y %H:%M'))

    def get_index(self, name):
        totals = ikm.totals([{k: getattr(self, k) for k in ikm.KEYS}])
        return ikm.rounded(ikm.index(ikm.nrr(totals)), ikm.INDEX_PLACES)

    @classmethod
    def submit(cls, token, values):
        """Record the answers of values (questionnaire.Submission.values)
        with token: once per token, also when two submissions meet."""
        Token = Pool().get('yankomas.survey.token')
        Token.lock([token])
        token = Token(token.id)
        if token.used:
            raise SurveyTokenUsed(gettext('yankomas_survey.msg_token_used'))
        now = clock.now()
        service = token.service or values.get('service')
        fields_ = ikm.KEYS + ('age', 'sex', 'education', 'occupation',
            'comment')
        response, = cls.create([dict(
                    {k: values.get(k) for k in fields_},
                    company=token.company.id, service=service,
                    origin=token.origin, token=token.id,
                    complaint=token.complaint.id if token.complaint else None,
                    submitted=now)])
        token.used = now
        if not token.service:
            token.service = service
        token.save()
        return response

    @classmethod
    def profile_labels(cls):
        """{field: (label, [(key, label)])} of the service and the profile,
        in the language of the context (the public page's)."""
        names = ['service', 'age'] + list(PROFILE) + ['comment']
        return {n: (d['string'], [(k, v) for k, v in d.get('selection', [])
                    if k])
            for n, d in cls.fields_get(names).items()}

    @classmethod
    def element_labels(cls):
        return element_labels(cls)

