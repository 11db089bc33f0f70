"""The verification of the complaints' hash chains (see link.py): over RPC,
and nightly with a notice to the administrators."""
import json
import logging

from trytond.exceptions import UserError
from trytond.i18n import gettext
from trytond.model.exceptions import AccessError
from trytond.pool import Pool
from trytond.transaction import without_check_access

from .bounds import MAX_ID
from .roles import may_correct

logger = logging.getLogger(__name__)


class IntegrityMixin:
    __slots__ = ()

    @classmethod
    def verify_integrity(cls, ids):
        """The ids of the complaints, among ids (or all the user can read
        when empty), whose stored rows no longer match their hash chain."""
        Link = Pool().get('yankomas.complaint.link')
        if not may_correct():
            raise AccessError(gettext(
                    'yankomas_complaint.msg_complaint_verify_access'))
        if not isinstance(ids, (list, tuple)) or not all(
                type(i) is int and 0 < i <= MAX_ID for i in ids):
            raise UserError(gettext(
                    'yankomas_complaint.msg_complaint_verify_ids'))
        if ids:
            complaints = cls.browse(ids)
            cls.read(ids, ['id'])  # refuses what the user may not read
        else:
            complaints = cls.search([], order=[])
        with without_check_access():
            return sorted(Link.problems([c.id for c in complaints]))

    @classmethod
    def verify_chains(cls):
        """The nightly check of every chain: the failures are notified to
        the administrators."""
        Link = Pool().get('yankomas.complaint.link')
        with without_check_access():
            complaints = cls.search([], order=[])
            problems = Link.problems([c.id for c in complaints])
        if problems:
            cls._report_integrity_failures(cls.browse(sorted(problems)))
        return sorted(problems)

    @classmethod
    def _report_integrity_failures(cls, complaints):
        pool = Pool()
        ModelData = pool.get('ir.model.data')
        Group = pool.get('res.group')
        Notification = pool.get('res.notification')
        logger.error("Integrity check failed for complaints: %s",
            ', '.join(c.rec_name for c in complaints))
        admin = Group(ModelData.get_id('yankomas_complaint', 'group_admin'))
        numbers = ', '.join(c.rec_name for c in complaints[:20])
        with without_check_access():
            Notification.create([{
                        'user': user.id,
                        'label': gettext(
                            'yankomas_complaint.msg_integrity_failed_label',
                            count=len(complaints)),
                        'description': gettext(
                            'yankomas_complaint.msg_integrity_failed',
                            complaints=numbers),
                        'icon': 'tryton-warning',
                        'model': cls.__name__,
                        'records': json.dumps([c.id for c in complaints]),
                        } for user in admin.users])

