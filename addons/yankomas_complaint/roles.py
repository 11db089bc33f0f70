"""The roles of the SOP as Tryton groups."""
from trytond.pool import Pool

from .pipeline import ROLES

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
