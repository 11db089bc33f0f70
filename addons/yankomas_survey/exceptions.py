from trytond.exceptions import UserError
from trytond.model.exceptions import ValidationError


class SurveyTokenUsed(UserError):
    "A survey token whose survey was already answered."


class SurveyGradeError(ValidationError):
    "Grade bands that cannot grade an index."


class SurveySlipError(UserError):
    "Survey slips that cannot be printed as asked."
