from trytond.exceptions import UserError


class BreachError(UserError):
    "A breach record that cannot be changed as asked."
