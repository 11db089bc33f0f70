"""The scheduled e-mail digests: which period is due, what each reader
gets, and how it reads."""
import datetime as dt

from trytond.i18n import gettext
from trytond.model import ModelSQL, Unique, fields
from trytond.pool import Pool
from trytond.transaction import Transaction

from company_working_calendar import clock
from company_working_calendar.working_time import format_duration
from yankomas_complaint.roles import roles_of

from .digest import (
    Item, current_slot, group_by_step, items_for, latest,
    office_summary, parse_times)
from .render import complaint_url
from .templates import render


class DigestMixin:
    "The scheduled digests of a mail model."
    __slots__ = ()

    @classmethod
    def send_digests(cls):
        """Queue the digests of each office whose digest time has come: the
        scheduler only records the period (yankomas.digest.period) and
        queues one task per office (DigestPeriod.build), which the queue
        worker runs, so that the day's first run does not hold the
        scheduler. A period is queued once: every later run of it returns
        after one query, before any step or reader is read."""
        pool = Pool()
        Calendar = pool.get('company.working_calendar')
        Period = pool.get('yankomas.digest.period')
        now = clock.now()
        due = {}
        for calendar in Calendar.search([]):
            period = digest_period(calendar, now)
            if period:
                due[period[0]] = (calendar, period)
        if not due:
            return
        known = {p.key for p in Period.search([('key', 'in', list(due))])}
        for period in Period.create(
                [{'key': k} for k in due if k not in known]):
            calendar, (_, start, end) = due[period.key]
            Period.__queue__.build([period], calendar.id, now, start, end)

    @classmethod
    def build_digests(cls, calendar, now, key, start, end):
        """The digests of the office's readers for the period key, from start
        to end, saved, not sent: one per reader who has something to read.
        Readers whose digest of the period is already there are skipped, and
        the open steps are read only when some reader still lacks it."""
        User = Pool().get('res.user')
        company = calendar.company
        readers = User.search([
                ('companies', '=', company.id),
                ('email', '!=', None),
                ('yankomas_digest', '=', True),
                ])
        keys = {'digest:%s:%d' % (key, u.id): u for u in readers}
        known = {m.key for m in cls.search([('key', 'in', list(keys))])}
        due = []
        for mail_key, user in keys.items():
            if mail_key in known:
                continue
            roles = roles_of(g.id for g in user.groups)
            if roles:
                due.append((mail_key, user, roles))
        mails = []
        if due:
            items, on_time = office_items(calendar, now)
            horizon = calendar.working_time_between(now, end)
        for mail_key, user, roles in due:
            language = user.language.code if user.language else None
            rendered = render_digest(calendar, user, roles, items, on_time,
                horizon, start, end, language)
            if rendered:
                subject, text, html = rendered
                mails.append(cls(
                        company=company, kind='digest', key=mail_key,
                        recipient=user, email=user.email, subject=subject,
                        body_text=text, body_html=html))
        cls.save(mails)
        return mails


class DigestPeriod(ModelSQL):
    """A digest period of an office whose digests are queued: the
    scheduler's later runs in the period do nothing for it."""
    __name__ = 'yankomas.digest.period'
    __string__ = "Digest Period"

    key = fields.Char(
        "Key", required=True, readonly=True,
        help="The office and the digest time, e.g. 1:2026-04-06T07:30.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('key_unique', Unique(t, t.key),
                'yankomas_email.msg_digest_period_unique'),
            ]

    @classmethod
    def build(cls, periods, calendar_id, now, start, end):
        """The queue's task of the periods of an office (calendar_id) due at
        now, from start to end: their digests built and kept, then sent by
        this task. Their keys keep the task run again
        (Mail.build_lost_notices) from doubling one."""
        pool = Pool()
        Calendar = pool.get('company.working_calendar')
        Mail = pool.get('yankomas.mail')
        calendar = Calendar(calendar_id)
        mails = []
        for period in periods:
            mails.extend(Mail.build_digests(
                    calendar, now, period.key, start, end))
        Mail.send_built(mails)


def digest_period(calendar, now):
    """(key, start, end) of the office's digest due at now, or None on a
    closed day or before the first digest time. end is the next digest."""
    engine = calendar.engine()
    day = engine.local_date(now)
    if not engine.is_working_day(day):
        return
    times = parse_times(calendar.digest_times)
    local_now = engine.local(now)
    slot = current_slot(times, local_now)
    if slot is None:
        return
    later = [t for t in times if t > slot]
    if later:
        end = engine.utc(day, later[0])
    else:
        end = engine.utc(engine.add_working_days(day, 1), times[0])
    key = '%d:%sT%s' % (calendar.company.id, day.isoformat(),
        slot.strftime('%H:%M'))
    return key, engine.utc(day, slot), end


def office_items(calendar, now):
    """The open steps of the office as digest items, and the on-time counts
    per step of the steps closed this month (two queries)."""
    pool = Pool()
    Step = pool.get('yankomas.complaint.step')
    company = calendar.company
    engine = calendar.engine()
    items = []
    # Integrity reports stay out: they are not the office chain's.
    for step in Step.search([
                ('complaint.company', '=', company.id),
                ('complaint.integrity', '=', False),
                ('ended', '=', None),
                ('deadline', '!=', None),
                ]):
        complaint = step.complaint
        items.append(Item(
                complaint=complaint.id, number=complaint.number,
                category=complaint.category.id if complaint.category else None,
                subject=complaint.subject, step=step.step, role=step.role,
                assignee=step.assignee.id if step.assignee else None,
                remaining=engine.signed_elapsed(now, step.deadline),
                overdue=Step.is_overdue(step.ended, step.deadline, now)))
    day = engine.local_date(now)
    first = engine.utc(day.replace(day=1), dt.time())
    on_time = {}
    for step in Step.search([
                ('complaint.company', '=', company.id),
                ('complaint.integrity', '=', False),
                ('ended', '>=', first),
                ]):
        done, total = on_time.get(step.step, (0, 0))
        on_time[step.step] = (done + bool(step.on_time), total + 1)
    return items, on_time


def render_digest(calendar, user, roles, items, on_time, horizon, start, end,
        language):
    "(subject, text, html) of the user's digest, or None when it is empty."
    pool = Pool()
    Step = pool.get('yankomas.complaint.step')
    Category = pool.get('yankomas.complaint.category')
    head_of_office = 'kepala_kantor' in roles
    mine = items_for(items, user.id, roles, horizon)
    summary = office_summary(items, on_time) if head_of_office else []
    worst = latest(items) if head_of_office else []
    if not mine and not worst and not any(s[1] for s in summary):
        return
    local = calendar.format_local

    with Transaction().set_context(language=language):
        steps = dict(Step.fields_get(['step'])['step']['selection'])
        categories = {c.id: c.rec_name for c in Category.browse(
                {i.category for i in mine if i.category})}
        office = calendar.company.rec_name
        subject = gettext('yankomas_email.msg_digest_subject',
            office=office, period=local(start))
        intro = gettext('yankomas_email.msg_digest_intro',
            office=office, period=local(start), next=local(end))

        # One lookup per digest, not per line: a digest may list thousands.
        late = gettext('yankomas_email.msg_digest_late', time='{}')
        left = gettext('yankomas_email.msg_digest_left', time='{}')
        base = complaint_url(0)[:-1]

        def when(item):
            return (late if item.overdue else left).format(
                format_duration(item.remaining))

        def url(item):
            return base + str(item.complaint)

        # (title, [(linked text, rest of the line, link or None)])
        sections = []
        for step, group in group_by_step(mine):
            sections.append((steps[step], [(item.number, ' [%s] %s (%s)' % (
                                categories.get(item.category, ''),
                                item.subject, when(item)), url(item))
                        for item in group]))
        if head_of_office:
            sections.append((gettext('yankomas_email.msg_digest_summary'), [
                        ('', gettext(
                                'yankomas_email.msg_digest_summary_line',
                                step=steps[step], open=open_,
                                overdue=overdue,
                                on_time='-' if share is None
                                else '%d%%' % round(share * 100)), None)
                        for step, open_, overdue, share in summary]))
            if worst:
                sections.append((gettext('yankomas_email.msg_digest_latest'),
                        [('%s %s (%s)' % (item.number, item.subject,
                                    when(item)), '', url(item))
                            for item in worst]))
    text, html = render('digest', intro=intro, sections=sections)
    return subject, text, html

