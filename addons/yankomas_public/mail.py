from trytond.pool import PoolMeta


class Mail(metaclass=PoolMeta):
    __name__ = 'yankomas.mail'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.kind.selection.extend([
                ('web_complaint', "Complaint from the website"),
                ('confirmation', "Confirmation to the complainant"),
                ])

    @classmethod
    def notice_tasks(cls):
        return super().notice_tasks() | {
            ('yankomas.complaint', 'tell_web_complaint')}
