from trytond.exceptions import UserError
from trytond.model.exceptions import ValidationError


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
