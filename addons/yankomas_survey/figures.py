"""The IKM figures of an office over a span of time, from the responses:
per service and for every service together, counted by one grouped SQL
query and worked out by ikm.py (the one owner of the arithmetic); the
populations the minimum samples are sized from; and a digest of the
responses counted, which a recap keeps."""
import hashlib

from sql import Literal
from sql.aggregate import Count, Sum

from trytond.pool import Pool
from trytond.transaction import Transaction

from yankomas_complaint.pipeline import CLOSED_STATES

from . import ikm
from .survey import SERVICES

ALL = 'all'


def element_totals(company, start, end):
    """{service: (respondents, {key: (sum, count)})} of the responses of
    the office submitted from start to end (UTC)."""
    Response = Pool().get('yankomas.survey.response')
    response = Response.__table__()
    cursor = Transaction().connection.cursor()
    columns = []
    for key in ikm.KEYS:
        column = getattr(response, key)
        columns += [Sum(column), Count(column)]
    cursor.execute(*response.select(
            response.service, Count(Literal(1)), *columns,
            where=(response.company == company.id)
            & (response.submitted >= start) & (response.submitted < end),
            group_by=[response.service]))
    result = {}
    for service, respondents, *sums in cursor:
        result[service] = (respondents, {
                k: (int(sums[2 * i] or 0), int(sums[2 * i + 1] or 0))
                for i, k in enumerate(ikm.KEYS)})
    return result


def populations(company, start, end, first, last):
    """{service: people served} from start to end (UTC), the days first to
    last: the complaint service's are the office's service complaints
    closed in the span (each was offered the survey when it closed); the
    other services' come from their configured people a month (None when
    not configured)."""
    pool = Pool()
    Complaint = pool.get('yankomas.complaint')
    Population = pool.get('yankomas.survey.population')
    complaint = Complaint.__table__()
    cursor = Transaction().connection.cursor()
    cursor.execute(*complaint.select(Count(Literal(1)),
            where=(complaint.company == company.id)
            & Complaint.service_sql(complaint)
            & complaint.state.in_(list(CLOSED_STATES))
            & (complaint.closed >= start) & (complaint.closed < end)))
    closed, = cursor.fetchone()
    monthly = Population.monthly_of(company)
    result = {s: ikm.period_population(monthly.get(s), first, last)
        for s, _ in SERVICES if s != 'complaint'}
    result['complaint'] = closed
    return result


def summaries(company, start, end, first, last, bands):
    """[(service, ikm.Summary, population, minimum sample)] for each
    service and, last, for every service together (ALL): its population is
    the sum of the known ones (None when none is known)."""
    found = element_totals(company, start, end)
    people = populations(company, start, end, first, last)
    rows = []
    together = {k: (0, 0) for k in ikm.KEYS}
    respondents_all = 0
    for service, _ in SERVICES:
        respondents, totals = found.get(
            service, (0, {k: (0, 0) for k in ikm.KEYS}))
        respondents_all += respondents
        for key, (total, count) in totals.items():
            together[key] = (together[key][0] + total,
                together[key][1] + count)
        population = people.get(service)
        rows.append((service, ikm.summarise(totals, respondents, bands),
                population, ikm.minimum_sample(population)))
    known = [p for p in people.values() if p is not None]
    population = sum(known) if known else None
    rows.append((ALL, ikm.summarise(together, respondents_all, bands),
            population, ikm.minimum_sample(population)))
    return rows


def digest(company, start, end):
    """SHA-256 over the office's responses submitted from start to end
    (UTC), in the order of their ids: what a recap counted, so that a
    response changed or removed later in the database shows."""
    Response = Pool().get('yankomas.survey.response')
    response = Response.__table__()
    cursor = Transaction().connection.cursor()
    columns = [response.id, response.token, response.service,
        response.submitted] + [getattr(response, k) for k in ikm.KEYS]
    cursor.execute(*response.select(*columns,
            where=(response.company == company.id)
            & (response.submitted >= start) & (response.submitted < end),
            order_by=[response.id.asc]))
    sha = hashlib.sha256()
    for row in cursor:
        sha.update(('|'.join('' if v is None else str(v) for v in row)
                + '\n').encode())
    return sha.hexdigest()
