"""What a visitor sends with the survey form, read and checked without the
database: every answer 1-4 required, the service (at the kiosk) and the
profile from their lists, the age a number of years, the comment within
its length. Nothing a visitor sends can raise: a value that is not one of
the expected is a message, never an error of the server.

Submission.typed keeps what was typed, to show the form again as it was;
Submission.values holds what may be stored; Submission.errors maps each
field to (message key, its values)."""
import unicodedata

from . import ikm

COMMENT_MAX = 1000
AGE_MIN, AGE_MAX = 10, 120
# Longer than this is never a choice nor an age: not kept for the form.
_SHORT = 40
# What is kept of a comment far too long, to show it again.
_KEPT = 4 * COMMENT_MAX


def _first(form, name):
    "The first value sent for name, as text ('' when absent)."
    getter = getattr(form, 'get', None)
    value = getter(name) if getter else None
    return value if isinstance(value, str) else ''


def clean_text(text):
    """text with the line ends of any browser as '\\n' and without the
    control characters a database or a screen cannot hold (NUL...), tabs
    and line ends kept."""
    text = text.replace('\r\n', '\n').replace('\r', '\n')
    return ''.join(c for c in text
        if c in '\n\t' or unicodedata.category(c) not in {'Cc', 'Cs'})


class Submission:
    "The survey form as sent (see the module's docstring)."

    def __init__(self, form, choices, services=None):
        """form: the posted fields (a mapping); choices: {field: keys} of
        the profile's lists; services: the keys a visitor chooses the
        service from, None when the token fixes it."""
        self.typed, self.values, self.errors = {}, {}, {}
        for key in ikm.KEYS:
            self._answer(form, key)
        if services is not None:
            self._choice(form, 'service', services, 'service_required')
        self._age(form)
        for name, keys in choices.items():
            self._choice(form, name, keys, None)
        self._comment(form)

    @property
    def valid(self):
        return not self.errors

    def _answer(self, form, key):
        typed = _first(form, key).strip()[:_SHORT]
        self.typed[key] = typed
        if typed in {str(s) for s in ikm.SCORES}:
            self.values[key] = int(typed)
        else:
            self.errors[key] = ('answer_required', {})

    def _choice(self, form, name, keys, missing):
        "One of keys; empty is None, or the message missing when given."
        typed = _first(form, name).strip()[:_SHORT]
        self.typed[name] = typed
        if typed in keys:
            self.values[name] = typed
        elif not typed and not missing:
            self.values[name] = None
        else:
            self.errors[name] = (missing if not typed else 'choice_invalid',
                {})

    def _age(self, form):
        typed = _first(form, 'age').strip()[:_SHORT]
        self.typed['age'] = typed
        if not typed:
            self.values['age'] = None
        elif (typed.isascii() and typed.isdigit()
                and AGE_MIN <= int(typed) <= AGE_MAX):
            self.values['age'] = int(typed)
        else:
            self.errors['age'] = ('age_invalid',
                {'min': AGE_MIN, 'max': AGE_MAX})

    def _comment(self, form):
        text = clean_text(_first(form, 'comment')[:2 * _KEPT])
        self.typed['comment'] = text[:_KEPT]
        text = text.strip()
        if len(text) > COMMENT_MAX:
            self.errors['comment'] = ('comment_too_long',
                {'max': COMMENT_MAX, 'length': len(text)})
        self.values['comment'] = text or None
