"""What each hand-over notice asks of its readers, without the database."""

# The button whose new step the role must now act on, and the notice kind.
HANDOVER_NOTICES = {
    'escalate': 'kasubsi',
    'request_direction': 'kasi',
    'give_direction': 'kasubsi',
    'decide': 'petugas',
    'forward': 'petugas',
    }
NOTICE_KINDS = tuple(HANDOVER_NOTICES) + ('breach',)


def breach_roles(role, superior):
    "A breach notice goes to the late role and the role above it."
    return [r for r in (role, superior) if r]
