from trytond.exceptions import UserError


class BreachError(UserError):
    "A breach record that cannot be changed as asked."


class RequestError(UserError):
    "A data subject's request that cannot be handled as asked."
