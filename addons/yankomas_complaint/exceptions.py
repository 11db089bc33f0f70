from trytond.exceptions import UserError
from trytond.model.exceptions import ValidationError


class ComplaintNoteRequired(UserError):
    pass


class ComplaintIncomplete(UserError):
    pass


class ComplaintSequenceMissing(UserError):
    pass


class IdentityValidationError(ValidationError):
    pass


class TimeStandardMissing(UserError):
    pass


class StepHoldError(UserError):
    pass


class CalendarError(UserError):
    pass


class RecapConclusionsRequired(UserError):
    pass


class RecapSequenceMissing(UserError):
    pass


class RecapPeriodError(ValidationError):
    pass


class RecapPeriodNotOver(UserError):
    pass


class RecapSignedTwice(UserError):
    pass


class ReportingError(UserError):
    pass


class BoardError(UserError):
    pass


class BoardMoveError(UserError):
    pass
