from trytond.pool import Pool
from trytond.transaction import Transaction


def is_data_protection_officer():
    """The current user is one of the office's data-protection officers (or
    the server itself)."""
    pool = Pool()
    ModelData = pool.get('ir.model.data')
    User = pool.get('res.user')
    if not Transaction().user:
        return True
    return (ModelData.get_id('yankomas_privacy', 'group_data_protection')
        in User.get_groups())


def may_handle_requests():
    """The current user keeps the register of data subjects' requests: a
    data-protection officer or the head of office (or the server)."""
    pool = Pool()
    ModelData = pool.get('ir.model.data')
    User = pool.get('res.user')
    if is_data_protection_officer():
        return True
    return (ModelData.get_id('yankomas_complaint', 'group_kepala_kantor')
        in User.get_groups())
