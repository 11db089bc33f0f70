from trytond.pool import PoolMeta


class Cron(metaclass=PoolMeta):
    __name__ = 'ir.cron'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.method.selection.extend([
                ('yankomas.privacy.breach|notice_overdue',
                    "Notice Overdue Personal Data Breaches"),
                ('yankomas.privacy.request|notice_overdue',
                    "Notice Overdue Data Subject Requests"),
                ('yankomas.privacy.purge|purge',
                    "Purge Personal Data Past Retention"),
                ])
