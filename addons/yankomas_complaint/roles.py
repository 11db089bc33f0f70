"""The roles of the SOP as Tryton groups."""
from trytond.pool import Pool
from trytond.transaction import Transaction

from .pipeline import CORRECTION_ROLES, ROLES

ROLE_GROUPS = {role: 'group_%s' % role for role in ROLES}


def group_ids(roles):
    "The ids of the groups of the roles."
    ModelData = Pool().get('ir.model.data')
    return [ModelData.get_id('yankomas_complaint', ROLE_GROUPS[r])
        for r in roles]


def roles_of(groups):
    "The SOP roles among the group ids."
    groups = set(groups)
    return {role for role, group in zip(ROLES, group_ids(ROLES))
        if group in groups}


def user_roles():
    "The SOP roles of the current user."
    return roles_of(Pool().get('res.user').get_groups())


def may_correct():
    """The current user may correct complaints and verify their chains: the
    head of office or the administrator (or the server itself)."""
    pool = Pool()
    ModelData = pool.get('ir.model.data')
    User = pool.get('res.user')
    if not Transaction().user:
        return True
    allowed = set(group_ids(CORRECTION_ROLES))
    allowed.add(ModelData.get_id('yankomas_complaint', 'group_admin'))
    return bool(allowed & set(User.get_groups()))


def holders(company, *roles):
    """Who holds one of roles in the office company: its active users in
    the roles' groups, by id (the first is the one a document names)."""
    User = Pool().get('res.user')
    return User.search([
            ('groups', 'in', group_ids(roles)),
            ('companies', '=', company.id),
            ], order=[('id', 'ASC')])
