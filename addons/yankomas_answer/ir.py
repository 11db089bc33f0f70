from trytond.pool import Pool, PoolMeta

from yankomas_complaint.confidentiality import shown

from .complaint import template_values


class Cron(metaclass=PoolMeta):
    __name__ = 'ir.cron'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.method.selection.append(
            ('yankomas.complaint|chase_silent',
                "Remind Silent Complainants and Close for No Reply"))


class EmailTemplate(metaclass=PoolMeta):
    __name__ = 'ir.email.template'

    def get_context(self, record):
        """A template of the complaints, used from the client's e-mail
        button, knows the values of the module's own answers, as the user
        may be shown them."""
        context = super().get_context(record)
        if self.model.name == 'yankomas.complaint':
            Complaint = Pool().get('yankomas.complaint')
            complaint, = shown([Complaint(record.id)], 'screen')
            context.update(template_values(complaint))
        return context
