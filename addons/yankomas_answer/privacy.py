"""With yankomas_privacy: the purge that anonymises a complaint past its
retention period also erases the addresses its answers were sent to."""
from trytond.pool import Pool, PoolMeta
from trytond.transaction import without_check_access

from yankomas_privacy.complaint import erased_text


class Complaint(metaclass=PoolMeta):
    __name__ = 'yankomas.complaint'

    @classmethod
    def privacy_anonymise(cls, complaints, reason):
        pool = Pool()
        Answer = pool.get('yankomas.complaint.answer')
        Link = pool.get('yankomas.complaint.link')
        ids = [c.id for c in complaints if not c.anonymised]
        count = super().privacy_anonymise(complaints, reason)
        if not ids:
            return count
        with without_check_access():
            answers = Answer.search([
                    ('complaint', 'in', ids),
                    ('medium', '!=', 'channel'),
                    ('recipient', '!=', None),
                    ])
            if answers:
                Answer.write(answers, {'recipient': erased_text()})
            # The chain keeps where and when, no longer to whom.
            Link.redact(ids, [Answer.__name__], reason)
        return count
