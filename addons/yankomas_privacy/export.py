"""The answer to an access request: everything the office holds about the
data subject, as JSON and as a PDF, made by the server for the
data-protection officer; their reading of it is logged as an export."""
import datetime as dt
import json

from trytond.i18n import gettext
from trytond.model import ModelView, fields
from trytond.model.exceptions import AccessError
from trytond.pool import Pool
from trytond.transaction import without_check_access
from trytond.wizard import Button, StateView, Wizard

from company_working_calendar import clock
from yankomas_complaint.identity import IDENTITY_FIELDS
from yankomas_complaint.revision import field_text
from yankomas_document.document import OfficeReport

from .exceptions import RequestError
from .roles import may_handle_requests

# The complaint's identity as the form took it down, then as it stands.
IDENTITY = ('complainant_name',) + IDENTITY_FIELDS
HANDLING = ('subject', 'description', 'category', 'channel', 'state',
    'service', 'application_number', 'reported_party', 'incident_place',
    'incident_time', 'loss', 'requested_resolution', 'resolution')


def _party(party):
    if not party:
        return None
    return {
        'name': party.name,
        'code': party.code,
        'identifiers': [{'type': getattr(i, 'type_string', i.type) or '',
                'code': i.code} for i in party.identifiers],
        'addresses': [a.full_address for a in party.addresses],
        'contact_mechanisms': [{'type': getattr(m, 'type_string', m.type),
                'value': m.value}
            for m in party.contact_mechanisms],
        }


def _complaint(complaint):
    pool = Pool()
    Attachment = pool.get('ir.attachment')
    Disclosure = pool.get('yankomas.privacy.disclosure')
    reads = Disclosure.search([('complaint', '=', complaint.id)],
        order=[('date', 'ASC'), ('id', 'ASC')])
    return {
        'number': complaint.number,
        'received': complaint.received,
        'closed': complaint.closed,
        'confidential': complaint.confidential,
        'restricted': complaint.restricted,
        'anonymised': complaint.anonymised,
        'identity': {n: field_text(complaint, n) for n in IDENTITY},
        'complaint': {n: field_text(complaint, n) for n in HANDLING},
        'steps': [{
                'step': s.step_string,
                'started': s.started,
                'ended': s.ended,
                'action': s.action_string if s.action else '',
                'note': s.note or '',
                } for s in complaint.steps],
        'revisions': [{
                'kind': r.kind_string,
                'field': r.field_string,
                'old_value': r.old_value or '',
                'new_value': r.new_value or '',
                'date': r.date,
                'reason': r.reason or '',
                } for r in complaint.revisions],
        'evidence': [{
                'name': a.name,
                'size': a.data_size,
                'sha256': a.sha256,
                'content_type': a.content_type,
                'stored': a.create_date,
                } for a in Attachment.evidence_of(complaint)],
        'identity_reads': [{
                'date': d.date,
                'user': d.user.rec_name,
                'surface': d.surface_string,
                } for d in reads],
        }


def subject_data(request):
    """Everything the office holds about the data subject of request: their
    party and each complaint naming them, with its identity, handling,
    changes, evidence and the log of who read the identity."""
    with without_check_access():
        request = request.__class__(request.id)
        return {
            'office': request.company.rec_name,
            'generated': clock.now(),
            'request': {
                'kind': request.kind_string,
                'received': request.received,
                'data_subject': request.subject_name,
                'id_number': request.id_number or '',
                },
            'party': _party(request.party),
            'complaints': [_complaint(c)
                for c in request.subject_complaints()],
            }


def _default(value):
    if isinstance(value, dt.datetime):
        return value.isoformat() + 'Z'
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(repr(value))


def to_json(data):
    "The data as UTF-8 JSON, times in UTC."
    return json.dumps(data, default=_default, ensure_ascii=False,
        indent=2, sort_keys=True).encode('utf-8')


class RequestData(OfficeReport):
    "The personal data held about the data subject of a request."
    __name__ = 'yankomas.privacy.request.data'

    @classmethod
    def execute(cls, ids, data):
        "Every print of the data held is an export of the identities read."
        pool = Pool()
        Request = pool.get('yankomas.privacy.request')
        Disclosure = pool.get('yankomas.privacy.disclosure')
        # The action is limited to these groups too, which hides it from the
        # others but would answer a direct call with a crash.
        if not may_handle_requests():
            raise AccessError(gettext(
                    'yankomas_privacy.msg_request_data_access'))
        result = super().execute(ids, data)
        with without_check_access():
            complaints = [c for r in Request.browse(ids)
                for c in r.subject_complaints()]
        Disclosure.record(complaints, 'export')
        return result

    @classmethod
    def get_context(cls, records, header, data):
        context = super().get_context(records, header, data)
        Complaint = Pool().get('yankomas.complaint')
        context['subject_data'] = subject_data
        context['labels'] = {n: f['string']
            for n, f in Complaint.fields_get(IDENTITY + HANDLING).items()}
        return context


class ExportResult(ModelView):
    __name__ = 'yankomas.privacy.request.export.result'
    __string__ = "Personal Data Export"

    json_file = fields.Binary("JSON", filename='json_name', readonly=True)
    json_name = fields.Char("JSON Name", readonly=True)
    pdf_file = fields.Binary("PDF", filename='pdf_name', readonly=True)
    pdf_name = fields.Char("PDF Name", readonly=True)


class Export(Wizard):
    "Export the personal data held about the data subject of a request."
    __name__ = 'yankomas.privacy.request.export'
    __string__ = "Export Personal Data"

    start_state = 'result'
    result = StateView(
        'yankomas.privacy.request.export.result',
        'yankomas_privacy.request_export_result_view_form', [
            Button("Close", 'end', 'tryton-close', default=True),
            ])

    def default_result(self, fields):
        pool = Pool()
        Request = pool.get('yankomas.privacy.request')
        Report = pool.get('yankomas.privacy.request.data', type='report')
        request = self.record
        if request.kind != 'access':
            raise RequestError(gettext(
                    'yankomas_privacy.msg_request_export_kind',
                    request=request.rec_name))
        data = subject_data(request)
        _, pdf, _, _ = Report.execute([request.id], {
                'model': Request.__name__,
                'id': request.id,
                'ids': [request.id],
                })
        with without_check_access():
            Request.write([request], {'exported': clock.now()})
        name = gettext('yankomas_privacy.msg_export_name',
            date=clock.now().strftime('%Y%m%d'))
        return {
            'json_file': to_json(data),
            'json_name': name + '.json',
            'pdf_file': pdf,
            'pdf_name': name + '.pdf',
            }
