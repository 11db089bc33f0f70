from trytond.exceptions import UserError


class BoardError(UserError):
    pass


class BoardMoveError(UserError):
    pass
