"""The 3 x 24 hour notification of a personal-data breach (UU 27/2022
art. 46), in plain Python: the clock runs in calendar hours from the moment
the office became aware of the breach, holidays and nights included."""
import datetime as dt

WINDOW = dt.timedelta(hours=3 * 24)


def deadline(detected):
    "When the data subjects and the authority must have been told."
    return detected + WINDOW if detected else None


def notified(subjects, authority):
    "When the notification was complete: both told, at the later of the two."
    return max(subjects, authority) if subjects and authority else None


def status(detected, subjects, authority, now):
    """'pending' (the clock runs), 'late' (past the deadline, not yet
    notified), 'on_time' or 'notified_late'."""
    done = notified(subjects, authority)
    limit = deadline(detected)
    if done:
        return 'on_time' if done <= limit else 'notified_late'
    return 'late' if now > limit else 'pending'


def notification_problem(detected, subjects, authority, now):
    """Why the notification dates cannot be recorded: 'missing' (both are
    needed), 'future', 'before' (before the breach was detected), or None."""
    if not subjects or not authority:
        return 'missing'
    if max(subjects, authority) > now:
        return 'future'
    if min(subjects, authority) < detected:
        return 'before'
