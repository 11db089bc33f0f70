"""How many people an office serves a month per service: the population of
the minimum sample (ikm.minimum_sample) for the services whose users the
system does not count. The complaint service's population is counted from
the complaints themselves."""
from trytond.model import ModelSQL, ModelView, Unique, fields
from trytond.transaction import Transaction

from .survey import SERVICES

# The services whose users are not counted by the system.
CONFIGURED_SERVICES = [s for s in SERVICES if s[0] != 'complaint']


class Population(ModelSQL, ModelView):
    __name__ = 'yankomas.survey.population'
    __string__ = "Survey Population"

    company = fields.Many2One(
        'company.company', "Office", required=True, ondelete='CASCADE')
    service = fields.Selection(
        CONFIGURED_SERVICES, "Service", required=True, sort=False)
    service_string = service.translated('service')
    monthly = fields.Integer(
        "Served per Month", required=True,
        domain=[('monthly', '>=', 0)],
        help="The people the office serves in an average month for this "
        "service (e.g. passport applications): the population the "
        "minimum sample of a period is sized from.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('service_unique', Unique(t, t.company, t.service),
                'yankomas_survey.msg_population_unique'),
            ]
        cls._order = [('company', 'ASC'), ('service', 'ASC'), ('id', 'ASC')]

    @staticmethod
    def default_company():
        return Transaction().context.get('company')

    @classmethod
    def monthly_of(cls, company):
        "{service: people a month} configured for the office company."
        return {p.service: p.monthly
            for p in cls.search([('company', '=', company.id)])}
