"""How what the office says goes back to a complainant, without the
database: by the channel they used (UU 25/2009 leaves the way to the
office; SP4N-LAPOR! answers where the report was made)."""

# The closing actions of the service track and what the complainant gets:
# the answer (the resolution: the settlement, or why and to whom the office
# refers or rejects it), or the notice of a closing for no reply. A
# withdrawal comes from the complainant: nothing to answer.
CLOSING_KINDS = {
    'resolve': 'answer',
    'complete': 'answer',
    'refer': 'answer',
    'reject': 'answer',
    'no_reply': 'no_reply',
    }
# Where the complaint itself carries the answer back: the web tracking page,
# the SP4N-LAPOR! report.
CHANNEL_ANSWERED = ('web', 'lapor')


def answer_media(channel, anonymous, email):
    """The media of the answer to a complaint that came by channel:
    an e-mail to the address given; a letter to the postal address when
    there is no e-mail address, or when the complaint came as a letter; the
    channel itself for an anonymous complaint (nobody to write to) and for a
    SP4N-LAPOR! report (the answer is posted there)."""
    media = []
    if email and not anonymous:
        media.append('email')
    if not anonymous and (not email or channel == 'letter'):
        media.append('letter')
    if anonymous or channel == 'lapor':
        media.append('channel')
    return media


def reminder_media(anonymous, email):
    """A reminder goes by e-mail when there is an address; otherwise it is
    recorded as due through the channel (the tracking page says the office
    waits, the officer calls back)."""
    return ['email'] if email and not anonymous else ['channel']
