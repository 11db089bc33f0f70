"""What the tracking page tells a complainant of where their complaint is,
without the database: each state of either track, in plain words (the
messages msg_page_status_<key>), and whether it waits on them."""

# state: the key of its plain-language status
PUBLIC_STATUS = {
    'reception': 'received',
    'intake': 'officer',
    'subsection': 'kasubsi',
    'section': 'kasi',
    'directed': 'directed',
    'resolution': 'resolving',
    'done': 'done',
    'withdrawn': 'withdrawn',
    'referred': 'referred',
    'rejected': 'rejected',
    'cancelled': 'cancelled',
    'no_reply': 'no_reply',
    'report_received': 'report_received',
    'report_examination': 'report_examination',
    'forwarded': 'forwarded',
    'closed': 'report_closed',
    }
# What the page says while a step waits on the complainant's reply.
WAITING = 'waiting_you'
# The statuses shown as a finished complaint.
FINISHED = {'done', 'withdrawn', 'referred', 'rejected', 'cancelled',
    'no_reply', 'forwarded', 'report_closed'}


def public_status(state, waiting_complainant=False):
    """The key of the status shown for state; a state not in the table (a
    later module's) shows as being handled, never as an error."""
    if waiting_complainant and state not in (
            s for s, k in PUBLIC_STATUS.items() if k in FINISHED):
        return WAITING
    return PUBLIC_STATUS.get(state, 'officer')
