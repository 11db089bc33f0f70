from trytond.exceptions import UserError


class CalendarError(UserError):
    pass
