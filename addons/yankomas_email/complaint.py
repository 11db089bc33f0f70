from trytond.pool import Pool, PoolMeta

from .notice import HANDOVER_NOTICES


class Complaint(metaclass=PoolMeta):
    __name__ = 'yankomas.complaint'

    @classmethod
    def _handed_over(cls, action, opened):
        "Tell the people of the role the complaints now reach."
        pool = Pool()
        Configuration = pool.get('yankomas.configuration')
        Mail = pool.get('yankomas.mail')
        super()._handed_over(action, opened)
        role = HANDOVER_NOTICES.get(action)
        if not role:
            return
        configuration = Configuration(1)
        for complaint, step in opened.items():
            company = complaint.company
            if not configuration.sends(action, company):
                continue
            Mail.queue_notices(
                action, complaint, step, Mail.recipients(company, [role]),
                key='notice:%d' % step.id)
