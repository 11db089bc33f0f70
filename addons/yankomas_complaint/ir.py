from trytond.pool import Pool, PoolMeta
from trytond.transaction import Transaction

from .record import ServerWrittenMixin


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


class ModelAccess(metaclass=PoolMeta):
    __name__ = 'ir.model.access'

    @classmethod
    def get_access(cls, models):
        """The records only the server writes say so to the clients, which
        then offer no New, Save or Delete: their access would otherwise be
        that of their complaint (__access__), which its officers write."""
        pool = Pool()
        access = super().get_access(models)
        for model, perms in access.items():
            if issubclass(pool.get(model), ServerWrittenMixin):
                access[model] = dict(
                    perms, write=False, create=False, delete=False)
        return access


class UIMenu(metaclass=PoolMeta):
    __name__ = 'ir.ui.menu'

    @classmethod
    def search(cls, domain, offset=0, limit=None, order=None, count=False,
            query=False):
        """Hide the entries whose actions are all kept for groups the user
        is not in: Tryton hides only the windows of models the user cannot
        read, and shows wizards and reports that then refuse to run."""
        pool = Pool()
        User = pool.get('res.user')
        menus = super().search(domain, offset=offset, limit=limit,
            order=order, count=False, query=query)
        if query:
            return menus
        if Transaction().check_access and menus:
            groups = set(User.get_groups())
            menus = [m for m in menus if m.usable_by(groups)]
        return len(menus) if count else menus

    def usable_by(self, groups):
        "Whether a user of groups may run one of the entry's actions."
        actions = [k.action for k in self.action_keywords]
        return not actions or any(
            not a.groups or groups & {g.id for g in a.groups}
            for a in actions)
