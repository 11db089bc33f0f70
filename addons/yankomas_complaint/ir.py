from trytond.pool import Pool, PoolMeta


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


class Rule(metaclass=PoolMeta):
    __name__ = 'ir.rule'

    # An integrity report is hidden from the employee it names: the record
    # rules know the user's employees (of the current office).

    @classmethod
    def _get_cache_key(cls, model_names):
        User = Pool().get('res.user')
        return (*super()._get_cache_key(model_names), User.get_employees())

    @classmethod
    def _get_context(cls, model_name):
        User = Pool().get('res.user')
        context = super()._get_context(model_name)
        context['employees'] = list(User.get_employees())
        return context
