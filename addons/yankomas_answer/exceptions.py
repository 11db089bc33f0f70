from trytond.exceptions import UserError
from trytond.model.exceptions import ValidationError


class AnswerLetterError(UserError):
    "An answer letter that cannot be printed yet."


class SilenceDaysError(ValidationError):
    "Days before a reminder or a closing that do not fit together."
