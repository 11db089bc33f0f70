from trytond.pool import PoolMeta


class Cron(metaclass=PoolMeta):
    __name__ = 'ir.cron'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.method.selection.extend([
                ('yankomas.mail|send_pending', "Send Queued Yankomas E-mails"),
                ('yankomas.mail|send_digests',
                    "Send Yankomas Complaint Digests"),
                ])
