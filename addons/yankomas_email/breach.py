from trytond.pool import Pool, PoolMeta

from .notice import breach_roles


class BreachNotice(metaclass=PoolMeta):
    __name__ = 'yankomas.breach.notice'

    @classmethod
    def send_emails(cls, notices):
        "E-mail each notice to its role and their superior, if the office wants."
        pool = Pool()
        Configuration = pool.get('yankomas.configuration')
        Mail = pool.get('yankomas.mail')
        configuration = Configuration(1)
        for notice in notices:
            if not configuration.sends('breach', notice.company):
                continue
            users = Mail.recipients(
                notice.company, breach_roles(notice.role, notice.superior_role))
            Mail.queue_notices('breach', notice.complaint, notice.step,
                users, key='breach:%d' % notice.id)


class Step(metaclass=PoolMeta):
    __name__ = 'yankomas.complaint.step'

    @classmethod
    def detect_breaches(cls):
        BreachNotice = Pool().get('yankomas.breach.notice')
        notices = super().detect_breaches()
        BreachNotice.send_emails(notices)
        return notices
