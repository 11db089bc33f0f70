"""What a digest holds for its reader, without the database: which open
steps each role sees, grouped by SOP step, the most overdue first."""
import datetime as dt
from dataclasses import dataclass

from yankomas_complaint.pipeline import STEPS, responsible

# Whose late items each role also oversees, beyond its own steps.
OVERSEES = {
    'kasubsi': ('petugas',),
    'kasi': ('petugas', 'kasubsi'),
    }


@dataclass(frozen=True)
class Item:
    complaint: int
    number: str
    category: int  # id, named in the reader's language
    subject: str
    step: str
    role: str
    assignee: int
    remaining: dt.timedelta  # working time left; negative when late
    # Past the deadline (Step.overdue_sql), even while the office is closed.
    overdue: bool


def items_for(items, user, roles, horizon):
    """The items a user reads: their roles' steps (and those assigned to
    them) overdue or due within horizon of working time, and the late
    steps of the roles they oversee."""
    overseen = {r for role in roles for r in OVERSEES.get(role, ())}
    chosen = []
    for item in items:
        own = responsible(item.role, item.assignee, user, roles)
        if own and item.remaining < horizon:
            chosen.append(item)
        elif item.role in overseen and item.overdue:
            chosen.append(item)
    return chosen


def group_by_step(items):
    "(step, items) in SOP order, each group the most overdue first."
    groups = []
    for step in STEPS:
        in_step = sorted((i for i in items if i.step == step),
            key=lambda i: (i.remaining, i.number))
        if in_step:
            groups.append((step, in_step))
    return groups


def office_summary(items, on_time):
    """Per step: (open, overdue, on-time share this month or None).
    on_time maps a step to (steps closed on time, steps closed)."""
    summary = []
    for step in STEPS:
        in_step = [i for i in items if i.step == step]
        done, total = on_time.get(step, (0, 0))
        summary.append((step, len(in_step),
                sum(1 for i in in_step if i.overdue),
                done / total if total else None))
    return summary


def latest(items, count=10):
    "The count most overdue items of the office."
    return sorted((i for i in items if i.overdue),
        key=lambda i: (i.remaining, i.number))[:count]


def parse_times(text):
    "'07:30, 13:00' as sorted times; ValueError on anything else."
    times = sorted({dt.time.fromisoformat(t.strip())
            for t in (text or '').split(',') if t.strip()})
    if not times:
        raise ValueError(text)
    return times


def current_slot(times, local_now):
    "The latest digest time at or before local_now's time, or None."
    passed = [t for t in times if t <= local_now.time()]
    return passed[-1] if passed else None
