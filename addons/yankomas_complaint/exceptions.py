from trytond.exceptions import UserError
from trytond.model.exceptions import ValidationError


class ComplaintNoteRequired(UserError):
    pass


class ComplaintIncomplete(UserError):
    pass


class ComplaintReceivedError(ValidationError):
    pass


class ComplaintSequenceMissing(UserError):
    pass


class IdentityValidationError(ValidationError):
    pass


class TimeStandardMissing(UserError):
    pass


class StepHoldError(UserError):
    pass
