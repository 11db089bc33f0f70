from trytond.pool import PoolMeta


class Cron(metaclass=PoolMeta):
    __name__ = 'ir.cron'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.method.selection.extend([
                ('yankomas.public.hit|purge',
                    "Forget Old Public Page Requests"),
                ('yankomas.public.proof|purge',
                    "Forget Expired Proofs of Work"),
                ])
