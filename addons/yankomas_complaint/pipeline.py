"""The SOP pipeline as plain data: steps, the role acting at each, and the
buttons that move a complaint between them.

Knows nothing of the database so it can be tested alone and read as the SOP.
"""
import datetime as dt

# Steps of the SOP, in order, with the role responsible for each.
STEP_ROLES = {
    'reception': 'duta_layanan',   # 1. Duta Layanan receives the visitor
    'intake': 'petugas',           # 2. Petugas Yankomas takes the form
    'subsection': 'kasubsi',       # 3. Kasubsi Infokim handles or asks
    'section': 'kasi',             # 4. Kasi TIKIM gives direction
    'directed': 'kasubsi',         # 5. Kasubsi passes the direction down
    'resolution': 'petugas',       # 6. Petugas resolves and reports
    }
STEPS = tuple(STEP_ROLES)
# How a complaint ends: settled (done), withdrawn by the complainant,
# referred to another agency, rejected as not within the office's authority,
# cancelled (the visitor left before their complaint was taken); no_reply:
# closed by the server when the complainant did not answer in time
# (yankomas_answer), never by a button.
FINAL_STATES = (
    'done', 'withdrawn', 'referred', 'rejected', 'cancelled', 'no_reply')
STATES = STEPS + FINAL_STATES

# The complaint's officer is who handled this step (Complaint.officer).
OFFICER_STEP = 'intake'

# Each role reports to the next one up (used for escalation notices).
SUPERIOR = {
    'duta_layanan': 'petugas',
    'petugas': 'kasubsi',
    'kasubsi': 'kasi',
    'kasi': 'kepala_kantor',
    }

# button: (states it may be pressed in, state it leads to)
BUTTONS = {
    'direct': (('reception',), 'intake'),
    'resolve': (('intake',), 'done'),
    'escalate': (('intake',), 'subsection'),
    'request_direction': (('subsection',), 'section'),
    'decide': (('subsection',), 'resolution'),
    'give_direction': (('section',), 'directed'),
    'forward': (('directed',), 'resolution'),
    'complete': (('resolution',), 'done'),
    'cancel': (('reception', 'intake', 'subsection'), 'cancelled'),
    'withdraw': (STEPS, 'withdrawn'),
    'refer': (STEPS, 'referred'),
    'reject': (STEPS, 'rejected'),
    }
# The outcomes other than a settlement, each with its reason: pressed at any
# open step, only by the users who act on that step (responsible()).
OUTCOMES = ('withdraw', 'refer', 'reject')

# Roles allowed to press each button (enforced through ir.model.button).
BUTTON_ROLES = {
    'direct': ('duta_layanan', 'petugas'),
    'resolve': ('petugas',),
    'escalate': ('petugas',),
    'request_direction': ('kasubsi',),
    'decide': ('kasubsi',),
    'give_direction': ('kasi',),
    'forward': ('kasubsi',),
    'complete': ('petugas',),
    'cancel': ('duta_layanan', 'petugas', 'kasubsi'),
    **{outcome: tuple(dict.fromkeys(STEP_ROLES.values()))
        for outcome in OUTCOMES},
    }

# While the intake is open the complainant's statement is the officer's to
# write; after it, every change is kept as a revision.
INTAKE_STATES = ('reception', 'intake')

# Who may correct a complaint after its intake (besides the administrator),
# by the correct button: the only way to change a closed complaint or to
# remove its evidence.
CORRECTION_ROLES = ('kepala_kantor',)

# Buttons that may be pressed without writing a note.
NOTE_OPTIONAL = {'direct'}

# Actions that set the final answer to the complainant (the button's note,
# or the server's for no_reply): a settlement, or why the office does not
# settle it itself.
SETS_RESOLUTION = {'resolve', 'complete', 'refer', 'reject', 'no_reply'}

# Buttons that need the complaint form to be complete.
NEEDS_COMPLETE_FORM = {'resolve', 'escalate'}

ROLES = ('duta_layanan', 'petugas', 'kasubsi', 'kasi', 'kepala_kantor',
    'pengawas_internal')

# An integrity report (pungli, calo, ethics, gratification) does not go up
# the office chain: the internal oversight unit (pengawas internal, under
# the head of office) takes it in, examines it, then forwards it to the
# Inspectorate General (Itjen) or closes it with its reason.
INTEGRITY_STEP_ROLES = {
    'report_received': 'pengawas_internal',   # registered, completeness
    'report_examination': 'pengawas_internal',  # examined on its evidence
    }
INTEGRITY_STEPS = tuple(INTEGRITY_STEP_ROLES)
INTEGRITY_FINAL_STATES = ('forwarded', 'closed')
INTEGRITY_BUTTONS = {
    'examine': (('report_received',), 'report_examination'),
    'forward_itjen': (('report_examination',), 'forwarded'),
    'close_report': (('report_received', 'report_examination'), 'closed'),
    }
INTEGRITY_BUTTON_ROLES = {
    'examine': ('pengawas_internal',),
    'forward_itjen': ('pengawas_internal',),
    'close_report': ('pengawas_internal',),
    }
# Buttons of an integrity report that need its report complete.
INTEGRITY_NEEDS_COMPLETE = {'examine', 'forward_itjen'}
# Every step, button and closed state of either track.
ALL_STEP_ROLES = {**STEP_ROLES, **INTEGRITY_STEP_ROLES}
ALL_BUTTONS = {**BUTTONS, **INTEGRITY_BUTTONS}
# Moves only the server makes, never a button: (states, state it leads to).
# A complaint whose complainant stays silent while a step waits on them is
# closed as no_reply (yankomas_answer, as SP4N-LAPOR! does).
SERVER_ACTIONS = {
    'no_reply': (STEPS, 'no_reply'),
    }
# Every move a complaint's step may end with.
ALL_ACTIONS = {**ALL_BUTTONS, **SERVER_ACTIONS}
CLOSED_STATES = FINAL_STATES + INTEGRITY_FINAL_STATES
# The actions that close a service complaint (its last step's).
CLOSING_ACTIONS = tuple(action for action, (_, target) in ALL_ACTIONS.items()
    if target in FINAL_STATES)


# Channels whose complaints arrived before they are entered: their receipt
# may be back-dated (within the office's window, with a reason).
BACKDATED_CHANNELS = ('letter', 'email', 'lapor')
# Channels through which a complaint may come without any identity: the
# answer goes back the way it came (the LAPOR! report, the web page).
ANONYMOUS_CHANNELS = ('web', 'letter', 'lapor')
# Entering a letter takes a moment: earlier than this counts as back-dated.
RECEIVED_TOLERANCE = dt.timedelta(hours=1)


def received_problem(channel, received, now, window, reason):
    """What is wrong with received for a complaint of channel entered at
    now: None, 'future', 'window' (older than window) or 'reason' (back-dated
    without a reason). Other channels are received when entered."""
    if channel not in BACKDATED_CHANNELS:
        return None
    if received > now:
        return 'future'
    if received < now - window:
        return 'window'
    if received < now - RECEIVED_TOLERANCE and not (reason or '').strip():
        return 'reason'


def first_state(channel, integrity=False):
    """Walk-in visitors meet the Duta Layanan first; the rest go to intake;
    an integrity report to the internal oversight unit."""
    if integrity:
        return INTEGRITY_STEPS[0]
    return 'reception' if channel == 'walk_in' else 'intake'


def transitions():
    "The (from, to) pairs of the workflow of both tracks."
    return {(source, target)
        for sources, target in ALL_ACTIONS.values()
        for source in sources}


def steps_of_roles(roles):
    "The steps at which any of the roles has to act."
    return sorted(s for s, r in STEP_ROLES.items() if r in roles)


# The levels of the hierarchy a complaint may reach, lowest first, and the
# steps that take it to each.
LEVELS = ('desk', 'kasubsi', 'kasi')
LEVEL_STEPS = {
    'kasubsi': ('subsection',),
    'kasi': ('section', 'directed'),
    }


def level_reached(steps):
    "The highest level of the hierarchy a complaint passed through."
    reached = [i for i, level in enumerate(LEVELS)
        if set(LEVEL_STEPS.get(level, ())) & set(steps)]
    return LEVELS[max(reached, default=0)]


def responsible(role, assignee, user, roles):
    """Whose step it is: the users of its role, or the one it came back to.
    role and assignee are the step's, user and roles the reader's."""
    return role in roles or (assignee is not None and assignee == user)
