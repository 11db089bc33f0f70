from trytond.pool import PoolMeta


class Cron(metaclass=PoolMeta):
    __name__ = 'ir.cron'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.method.selection.append(
            ('yankomas.complaint.step|detect_breaches',
                "Detect Overdue Complaint Steps"))
        cls.method.selection.append(
            ('yankomas.complaint|verify_chains',
                "Verify Complaint Hash Chains"))
