"""The roles of the SOP as Tryton groups."""
from trytond.pool import Pool

from .pipeline import ROLES

ROLE_GROUPS = {role: 'group_%s' % role for role in ROLES}


def user_roles():
    "The SOP roles of the current user, from the groups they belong to."
    pool = Pool()
    ModelData = pool.get('ir.model.data')
    User = pool.get('res.user')
    groups = set(User.get_groups())
    return {role for role, xml_id in ROLE_GROUPS.items()
        if ModelData.get_id('yankomas_complaint', xml_id) in groups}
