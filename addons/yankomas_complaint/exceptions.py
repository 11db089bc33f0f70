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


class EvidenceError(ValidationError):
    "A file a complaint's office does not keep as evidence."


class EvidenceLocked(UserError):
    "Evidence that can no longer be removed, replaced or renamed."


class CorrectionError(UserError):
    "A correction that cannot be made as asked."


class FieldValueError(ValidationError):
    "A value that does not fit its field (bounds.check_values)."


class ComplaintIncidentError(ValidationError):
    pass


class ComplaintReferralAgency(UserError):
    pass


class ComplaintMoved(UserError):
    "The complaint moved on since the user saw it."


class ComplaintActionUnknown(UserError):
    pass
