"""The figures of a recap report, each from one SQL query.

The detail rows come from one grouped query over the complaints and their
steps; the per-step figures (count, on-time share, average and median working
time) from one windowed aggregate. Nothing loops over the complaints in
Python but the lateness of the few cases still open at the end.
"""
import datetime as dt

from sql import Literal, Null, Window
from sql.aggregate import Avg, Count, Max, Sum
from sql.conditionals import Case, Coalesce
from sql.functions import Extract
from sql.functions import RowNumber

from trytond import backend
from trytond.pool import Pool
from trytond.transaction import Transaction

from yankomas_complaint.pipeline import (
    LEVEL_STEPS, LEVELS, OFFICER_STEP, STEPS)


def seconds(column):
    "The number of seconds of a TimeDelta column (SQLite stores seconds)."
    if backend.name == 'postgresql':
        return Extract('EPOCH', column)
    return column


def _delta(value):
    "Seconds as a duration, to the second (averages have fractions)."
    if value is None:
        return None
    return dt.timedelta(seconds=round(float(value)))


def _datetime(value):
    "SQLite gives the result of an expression on a timestamp as text."
    if isinstance(value, str):
        return dt.datetime.fromisoformat(value)
    return value


def standards(company):
    "The office's time standard of each step, in seconds."
    TimeStandard = Pool().get('yankomas.time_standard')
    return {step: TimeStandard.duration_of(company, step).total_seconds()
        for step in STEPS}


def _standard_of(step_column, standard):
    return Case(*((step_column == s, standard[s]) for s in STEPS), else_=0)


def line_values(company, start, end):
    """The detail row of each complaint received from start to end (UTC) and
    of each one still open at end, as the office stood at end."""
    pool = Pool()
    Complaint = pool.get('yankomas.complaint')
    Step = pool.get('yankomas.complaint.step')
    User = pool.get('res.user')
    cursor = Transaction().connection.cursor()
    complaint, step = Complaint.__table__(), Step.__table__()
    user = User.__table__()
    standard = standards(company)

    closed_by_end = (complaint.closed != Null) & (complaint.closed < end)
    in_period = (complaint.received >= start) & (complaint.received < end)
    still_open = (complaint.received < end) & ~closed_by_end
    wanted = ((complaint.company == company.id)
        & Complaint.service_sql(complaint) & (in_period | still_open))
    # The steps of the wanted complaints only, not the office's history.
    relevant = complaint.select(complaint.id, where=wanted)

    ended = (step.ended != Null) & (step.ended < end)
    open_at_end = (step.ended == Null) | (step.ended >= end)
    level = Case(
        *((step.step.in_(list(LEVEL_STEPS[name])), LEVELS.index(name))
            for name in reversed(LEVELS) if name in LEVEL_STEPS),
        else_=0)
    per_complaint = step.select(
        step.complaint.as_('complaint'),
        Max(level).as_('level'),
        Sum(Case((ended, seconds(step.duration)), else_=0)).as_('worked'),
        Sum(Case((ended, _standard_of(step.step, standard)), else_=0)
            ).as_('standard'),
        Max(Case((step.step == OFFICER_STEP, Step.officer_sql(step)),
                else_=Null)).as_('handler'),
        Max(Case((open_at_end, step.step), else_=Null)).as_('open_step'),
        Max(Case((open_at_end, step.deadline), else_=Null)).as_('deadline'),
        where=(step.started < end) & step.complaint.in_(relevant),
        group_by=[step.complaint])
    ranked = step.select(
        step.complaint.as_('complaint'), step.action.as_('action'),
        step.note.as_('note'),
        RowNumber(window=Window([step.complaint],
                order_by=[step.ended.desc, step.id.desc])).as_('rank'),
        where=ended & step.complaint.in_(relevant))
    last = ranked.select(
        ranked.complaint, ranked.action, ranked.note,
        where=ranked.rank == 1)

    query = (complaint
        .join(per_complaint, 'LEFT',
            condition=per_complaint.complaint == complaint.id)
        .join(last, 'LEFT', condition=last.complaint == complaint.id)
        .join(user, 'LEFT', condition=user.id == per_complaint.handler)
        .select(
            complaint.id, complaint.number, complaint.received,
            complaint.application_number, complaint.confidential, complaint.anonymous,
            complaint.complainant_name,
            complaint.channel,
            complaint.category, user.name, per_complaint.level, last.action,
            Coalesce(Case((closed_by_end, complaint.resolution), else_=Null),
                last.note),
            Case((closed_by_end, complaint.closed), else_=Null),
            per_complaint.worked, per_complaint.standard,
            Case((closed_by_end, complaint.state), else_='open'),
            in_period, per_complaint.open_step, per_complaint.deadline,
            where=wanted,
            order_by=[complaint.received, complaint.id]))
    cursor.execute(*query)
    for (complaint_id, number, received, application_number,
            confidential, anonymous,
            complainant, channel, category, handler, level, action,
            action_note, resolved, worked, standard_time, status,
            received_in_period, open_step, deadline) in cursor:
        yield {
            'complaint': complaint_id,
            'number': number,
            'received': received,
            'application_number': application_number,
            'complainant': None if confidential else complainant,
            'confidential': bool(confidential),
            'anonymous': bool(anonymous),
            'channel': channel,
            'category': category,
            'handler': handler,
            'level': LEVELS[level or 0],
            'action': action,
            'action_note': action_note,
            # Selesai: only a settlement settles it.
            'resolved': _datetime(resolved) if status == 'done' else None,
            'working_time': _delta(worked or 0),
            'standard': _delta(standard_time or 0),
            'status': status,
            'in_period': bool(received_in_period),
            'open_step': open_step if status == 'open' else None,
            'open_deadline': (
                _datetime(deadline) if status == 'open' else None),
            }


def step_values(company, start, end):
    """Per SOP step, the steps the office ended from start to end: how many,
    how many on time, and the average and median working time."""
    pool = Pool()
    Complaint = pool.get('yankomas.complaint')
    Step = pool.get('yankomas.complaint.step')
    cursor = Transaction().connection.cursor()
    complaint, step = Complaint.__table__(), Step.__table__()
    standard = standards(company)

    ended = step.join(complaint, condition=complaint.id == step.complaint
        ).select(
            step.step.as_('step'),
            Case((step.on_time == Literal(True), 1), else_=0).as_('on_time'),
            seconds(step.duration).as_('worked'),
            RowNumber(window=Window([step.step],
                    order_by=[seconds(step.duration)])).as_('rank'),
            Count(Literal(1), window=Window([step.step])).as_('total'),
            where=(complaint.company == company.id)
            & Complaint.service_sql(complaint)
            & (step.ended >= start) & (step.ended < end))
    middle = ended.rank.in_([(ended.total + 1) / 2, (ended.total + 2) / 2])
    cursor.execute(*ended.select(
            ended.step, Count(Literal(1)), Sum(ended.on_time),
            Avg(ended.worked),
            Avg(Case((middle, ended.worked), else_=Null)),
            group_by=[ended.step]))
    figures = {row[0]: row[1:] for row in cursor}
    for sequence, name in enumerate(STEPS, 1):
        count, on_time, average, median = figures.get(name, (0, 0, None, None))
        yield {
            'sequence': sequence,
            'step': name,
            'count': count,
            'on_time': on_time or 0,
            'average': _delta(average),
            'median': _delta(median),
            'standard': _delta(standard[name]),
            }
