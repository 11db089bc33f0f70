from io import BytesIO

from pypdf import PdfWriter

from trytond.i18n import gettext
from trytond.model.exceptions import AccessError
from trytond.pool import Pool
from trytond.transaction import without_check_access

from yankomas_complaint.chain import head
from yankomas_complaint.roles import may_correct
from yankomas_complaint.wbs import in_roles

from .complaint_form import ComplaintForm


class ComplaintDossier(ComplaintForm):
    """The dossier of a complaint for the Ombudsman or the inspectorate
    (with the form's helpers): its Form Pengaduan as printed, then its
    whole record (steps, holds, revisions and corrections, evidence with
    hashes) and the verification of its hash chain."""
    __name__ = 'yankomas.complaint.dossier'

    @classmethod
    def execute(cls, ids, data):
        # The action is limited to these groups too, which hides it from
        # the others' menus but would answer a direct call with a crash.
        # The internal oversight unit sends an integrity report's dossier
        # to the Inspectorate General.
        if not (may_correct() or in_roles(['pengawas_internal'])):
            raise AccessError(gettext('yankomas_document.msg_dossier_access'))
        return super().execute(ids, data)

    @classmethod
    def get_context(cls, records, header, data):
        context = super().get_context(records, header, data)
        context['verification'] = cls.verification
        return context

    @staticmethod
    def verification(complaint):
        """(problems as sentences, number of links, head of the chain)."""
        Link = Pool().get('yankomas.complaint.link')
        with without_check_access():
            problems = Link.problems([complaint.id]).get(complaint.id, [])
            position, digest = Link.heads([complaint.id]).get(
                complaint.id, (0, ''))
            return ([Link.describe(p) for p in problems], position,
                digest or head([]))

    @classmethod
    def _execute(cls, records, header, data, action):
        "The form of each complaint, followed by its record."
        pool = Pool()
        ActionReport = pool.get('ir.action.report')
        Form = pool.get('yankomas.complaint.form', type='report')
        oext, record = super()._execute(records, header, data, action)
        if oext != 'pdf':
            return oext, record
        form_action, = ActionReport.search([
                ('report_name', '=', Form.__name__),
                ])
        _, form = Form._execute(records, header, data, form_action)
        writer = PdfWriter()
        for content in (form, record):
            writer.append(BytesIO(content))
        out = BytesIO()
        writer.write(out)
        return oext, out.getvalue()
