"""The 3 x 24 hours of UU 27/2022, in plain Python: to notify a
personal-data breach (art. 46) and to answer a data subject's request
(restriction of processing within 3 x 24 hours, art. 41). The clock runs in
calendar hours from the moment the office became aware of the breach or
received the request, holidays and nights included."""
import datetime as dt

WINDOW = dt.timedelta(hours=3 * 24)


def deadline(start):
    "When the office must have acted on what started the clock at start."
    return start + WINDOW if start else None


def past_deadline(start, now):
    "Whether the 3 x 24 hours from start are over at now."
    return bool(start) and now > deadline(start)


def timeliness(start, done, now):
    """'pending' (the clock runs), 'late' (past the deadline, not done),
    'on_time' or 'done_late'."""
    if done:
        return 'on_time' if done <= deadline(start) else 'done_late'
    return 'late' if past_deadline(start, now) else 'pending'


def notified(subjects, authority):
    "When the notification was complete: both told, at the later of the two."
    return max(subjects, authority) if subjects and authority else None


def status(detected, subjects, authority, now):
    """Of a breach: 'pending' (the clock runs), 'late' (past the deadline,
    not yet notified), 'on_time' or 'notified_late'."""
    result = timeliness(detected, notified(subjects, authority), now)
    return 'notified_late' if result == 'done_late' else result


def notification_problem(detected, subjects, authority, now):
    """Why the notification dates cannot be recorded: 'missing' (both are
    needed), 'future', 'before' (before the breach was detected), or None."""
    if not subjects or not authority:
        return 'missing'
    if max(subjects, authority) > now:
        return 'future'
    if min(subjects, authority) < detected:
        return 'before'
