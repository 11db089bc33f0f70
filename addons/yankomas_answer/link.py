from trytond.pool import PoolMeta


class Link(metaclass=PoolMeta):
    __name__ = 'yankomas.complaint.link'
    # The rows of the answers hold the address the complainant was sent to.
    _identity_models = ('yankomas.complaint', 'yankomas.complaint.revision',
        'yankomas.complaint.answer')
