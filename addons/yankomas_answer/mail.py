from trytond.pool import PoolMeta

# The e-mails of the module to the complainant (Answer.kind).
MAIL_KINDS = [
    ('answer', "Answer to the complainant"),
    ('reminder', "Reminder to the complainant"),
    ('no_reply', "Closing for no reply, to the complainant"),
    ]


class Mail(metaclass=PoolMeta):
    __name__ = 'yankomas.mail'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.kind.selection.extend(MAIL_KINDS)
