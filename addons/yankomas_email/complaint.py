# This file is part of yankomas_email.  Its classes are registered in
# tryton.cfg.
from trytond.pool import Pool, PoolMeta

from .notice import HANDOVER_NOTICES


class Complaint(metaclass=PoolMeta):
    __name__ = 'yankomas.complaint'

    @classmethod
    def _handed_over(cls, action, opened):
        """Tell the people of the role the complaints now reach: one queued
        task for the whole transition, run once it commits, which builds and
        sends the notices (Step.send_handover_notices); nothing of an e-mail
        is read, built or sent in the transition itself."""
        Step = Pool().get('yankomas.complaint.step')
        super()._handed_over(action, opened)
        if action in HANDOVER_NOTICES and opened:
            Step.__queue__.send_handover_notices(
                list(opened.values()), action)


class Step(metaclass=PoolMeta):
    __name__ = 'yankomas.complaint.step'

    @classmethod
    def send_handover_notices(cls, steps, action):
        """The queue's task of a hand-over by action, which opened steps: the
        notice to each holder of the role the step waits for, if its office
        sends that notice, rendered in their language, kept in the log, then
        sent by this task. A notice's key is notice:<step>:<user>, so the
        task run again never doubles one."""
        pool = Pool()
        Configuration = pool.get('yankomas.configuration')
        Mail = pool.get('yankomas.mail')
        role = HANDOVER_NOTICES[action]
        configuration = Configuration(1)
        messages = []
        for step in steps:
            company = step.complaint.company
            if not configuration.sends(action, company):
                continue
            messages.extend(Mail.notices(
                    action, step.complaint, step,
                    Mail.recipients(company, [role]),
                    key='notice:%d' % step.id))
        Mail.send_built(messages)
