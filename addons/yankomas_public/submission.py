"""The public complaint form's page: shown, refused or turned into a
complaint (routes.py maps it). Every refusal gives the form back with what
the visitor typed and the reason, in their language."""
from trytond.exceptions import UserError, UserWarning
from trytond.pool import Pool
from trytond.protocols.wrappers import HTTPStatus, redirect
from trytond.transaction import Transaction

from company_working_calendar import clock
from yankomas_complaint.attachment import EVIDENCE_TYPES, MIB

from . import csrf, form, links, page
from .pow import FIELD as PROOF_FIELD
from .guard import start_again

# At most this many files of evidence with one complaint.
MAX_FILES = 5


def offices():
    return Pool().get('company.company').search([], order=[('id', 'ASC')])


def chosen_office(text, among):
    "The office of the id text (from the URL or the form), or None."
    if not isinstance(text, str) or not text.isascii() or not text.isdigit():
        return None
    return next((o for o in among if str(o.id) == text.lstrip('0')), None)


def type_labels(types):
    "The names of the evidence types, in the page's language."
    Configuration = Pool().get('yankomas.configuration')
    labels = dict(Configuration.fields_get(['evidence_types'])[
            'evidence_types']['selection'])
    return ', '.join(labels[t] for t in types if t in labels)


def evidence_rules(office):
    "(types, size limit in MiB) the office accepts as evidence."
    Configuration = Pool().get('yankomas.configuration')
    configuration = Configuration(1)
    pattern = {'company': office.id} if office else {}
    types = configuration.get_multivalue('evidence_types', **pattern) or []
    limit = configuration.get_multivalue('evidence_size_limit', **pattern)
    return types, limit


def show(request, sent=None, errors=None, message=None,
        status=HTTPStatus.OK):
    "The form, with what was sent and the problems found, if any."
    pool = Pool()
    Secret = pool.get('yankomas.public.secret')
    among = offices()
    fixed = chosen_office(request.args.get('office'), among)
    if fixed is None and len(among) == 1:
        fixed = among[0]
    selected = fixed or chosen_office((sent or {}).get('office'), among)
    types, limit = evidence_rules(selected)
    nonce = request.cookies.get(csrf.COOKIE)
    fresh = not csrf.valid_nonce(nonce)
    if fresh:
        nonce = csrf.new_nonce()
    notice_office = selected or (among[0] if among else None)
    response = page.render(request, 'complaint.html', status=status,
        values=sent if sent is not None else {'representation': 'self'},
        errors={
            name: page.text('error_' + key) for name, key in (
                errors or {}).items()},
        message=message, offices=among, fixed=fixed,
        csrf_token=csrf.token(Secret.key('csrf'), nonce),
        notice=notice_office.yankomas_data_use_notice()
        if notice_office else '',
        max_files=MAX_FILES, max_size=limit,
        types=type_labels(types),
        accept=','.join('.' + e for t in types if t in EVIDENCE_TYPES
            for e in EVIDENCE_TYPES[t][2]),
        challenge_url=challenge_url(), scripts=scripts())
    if fresh:
        database = Transaction().database.name
        response.set_cookie(csrf.COOKIE, nonce, path='/%s' % database,
            httponly=True, samesite='Strict', secure=request.is_secure)
    return response


def challenge_url():
    "Where the proof-of-work widget fetches its challenge."
    return '/%s%s' % (Transaction().database.name, links.CHALLENGE)


def scripts():
    "The page's module scripts: the proof-of-work widget."
    return ['/%s%s/altcha-setup.js' % (
            Transaction().database.name, links.STATIC)]


def typed(request):
    """What the visitor typed in the form sent, to give back: its texts,
    without the CSRF token and the proof of work (both made anew)."""
    sent = {k: v for k, v in request.form.items() if isinstance(v, str)}
    sent.pop(csrf.FIELD, None)
    sent.pop(PROOF_FIELD, None)
    return sent


def submit(request, pool):
    """Create the complaint of the form sent, or give the form back with
    every problem found; a created complaint's page is its tracking page."""
    Secret = pool.get('yankomas.public.secret')
    Complaint = pool.get('yankomas.complaint')
    sent = typed(request)
    if not csrf.check(Secret.key('csrf'), request.cookies.get(csrf.COOKIE),
            request.form.get(csrf.FIELD)):
        return show(request, sent, message=page.text('error_csrf'),
            status=HTTPStatus.BAD_REQUEST)
    if (request.form.get(form.TRAP) or '').strip():
        # A robot filled the field no person sees: nothing to give back.
        return page.refusal(request, HTTPStatus.BAD_REQUEST,
            page.text('error_trap'))
    among = offices()
    office = chosen_office(request.args.get('office')
        or sent.get('office'), among)
    Calendar = pool.get('company.working_calendar')
    now_local = (Calendar.of(office).engine().local(clock.now())
        .replace(tzinfo=None) if office else clock.now())
    values, errors = form.clean(sent, now_local)
    if office is None:
        errors['office'] = 'required'
    files = read_files(request, office, errors)
    proof = check_proof(request)
    if proof:
        errors['altcha'] = proof
    if errors:
        return show(request, sent, errors, status=HTTPStatus.BAD_REQUEST)
    try:
        complaint = Complaint.submit_public(office, values, files)
    except (UserError, UserWarning) as exception:
        start_again(pool, 'complaint', request)
        return show(request, sent, message=exception.message,
            status=HTTPStatus.BAD_REQUEST)
    return redirect('/%s%s/%s?new=1' % (Transaction().database.name,
            links.TRACK, complaint.tracking_code), HTTPStatus.SEE_OTHER)


def busy(request):
    """The form given back as it was sent when the database stayed busy
    (guard.public): nothing was recorded, nothing typed is lost."""
    sent = typed(request)
    return show(request, sent, message=page.text('busy_form'),
        status=HTTPStatus.SERVICE_UNAVAILABLE)


def read_files(request, office, errors):
    "[(name, bytes)] of the evidence sent, within the office's limits."
    _, limit = evidence_rules(office)
    files = [f for f in request.files.getlist('evidence') if f.filename]
    if len(files) > MAX_FILES:
        errors['evidence'] = 'files_count'
        return []
    result = []
    for file in files:
        # From the start: a transaction tried again reads the files again.
        file.stream.seek(0)
        content = file.read(limit * MIB + 1)
        if len(content) > limit * MIB:
            errors['evidence'] = 'file_size'
            return []
        if not content:
            errors['evidence'] = 'file_empty'
            return []
        result.append((file.filename[-200:], content))
    return result


def check_proof(request):
    "None when the proof of work is good, else the key of its problem."
    reason = Pool().get('yankomas.public.proof').redeem(
        request.form.get(PROOF_FIELD))
    if reason:
        return 'pow_' + reason
