"""The public pages, under /<database>/yankomas/public (links.py): no login,
each handler reading only what it shows (guard.public)."""
import json
import os

from werkzeug.exceptions import RequestEntityTooLarge

from trytond import config
from trytond.protocols.wrappers import (
    HTTPStatus, Response, set_max_request_size)
from trytond.wsgi import app

from . import links, page, refusals, submission
from .guard import public

PREFIX = '/<database_name>'
# The largest form the server reads: the files of evidence and the texts
# ([yankomas_public] max_upload, in MiB).
MAX_UPLOAD = config.getint('yankomas_public', 'max_upload', default=130)
FOLDER = os.path.dirname(os.path.abspath(__file__))
STATIC = {
    'public.css': ('static/public.css', 'text/css; charset=utf-8'),
    'icon.svg': ('static/icon.svg', 'image/svg+xml'),
    'public.js': ('static/public.js', 'text/javascript; charset=utf-8'),
    # The proof-of-work widget: static/vendor/ comes from npm (Makefile).
    'altcha-setup.js': (
        'static/altcha-setup.js', 'text/javascript; charset=utf-8'),
    'altcha.js': ('static/vendor/altcha.min.js',
        'text/javascript; charset=utf-8'),
    'altcha-id.js': ('static/vendor/id.js', 'text/javascript; charset=utf-8'),
    'altcha-pbkdf2.js': ('static/vendor/pbkdf2.js',
        'text/javascript; charset=utf-8'),
    'altcha.css': ('static/vendor/altcha.css', 'text/css; charset=utf-8'),
    }


def lookup_floor():
    """The seconds a tracking look-up takes at least, found or not, so that
    its time tells nothing ([yankomas_public] lookup_floor)."""
    return config.getfloat('yankomas_public', 'lookup_floor', default=0.25)


@app.route(PREFIX + links.STATIC + '/<name>', methods={'GET'})
def static(request, database_name, name):
    if name not in STATIC:
        return missing(request, database_name)
    path, content_type = STATIC[name]
    try:
        with open(os.path.join(FOLDER, path), 'rb') as file:
            content = file.read()
    except FileNotFoundError:  # the widget not installed (Makefile)
        return missing(request, database_name)
    return Response(content, HTTPStatus.OK, content_type=content_type,
        headers=dict(page.HEADERS, **{'Cache-Control': 'max-age=3600'}))


@app.route(PREFIX + links.BASE, methods=None)
@app.route(PREFIX + links.BASE + '/<path:address>', methods=None)
@public()
def missing(request, pool, address=None):
    "Any other address under the public pages: the pages' own answer."
    return page.refusal(request, HTTPStatus.NOT_FOUND,
        page.text('not_found'), title=page.text('not_found_title'))


@app.route(PREFIX + links.TRACK, methods={'GET'})
@public('track', floor=lookup_floor)
def track_form(request, pool):
    """The form to type a code; ?code= looks it up (the form's own submit).
    Found or not, a look-up takes the same time (lookup_floor)."""
    code = request.args.get('code')
    if code is not None:
        return track_answer(request, pool, code)
    return page.render(request, 'track.html', code='', view=None,
        unknown=False, new=False, tracking_code='')


@app.route(PREFIX + links.TRACK + '/<path:code>', methods={'GET'})
@public('track', floor=lookup_floor)
def track(request, pool, code):
    return track_answer(request, pool, code)


def track_answer(request, pool, code):
    """The status of the complaint of code, or the one message for every
    code that is not one."""
    Complaint = pool.get('yankomas.complaint')
    complaint = Complaint.by_tracking_code(code)
    view = complaint.public_view() if complaint else None
    return page.render(request, 'track.html',
        status=HTTPStatus.OK if view else HTTPStatus.NOT_FOUND,
        code=code[:40], view=view, unknown=not view,
        new=bool(view and request.args.get('new')),
        tracking_code=complaint.tracking_code if view else '')


@app.route(PREFIX + links.CHALLENGE, methods={'GET'})
@public('challenge')
def challenge(request, pool):
    "A new proof-of-work challenge for the form's widget (JSON)."
    Proof = pool.get('yankomas.public.proof')
    return Response(json.dumps(Proof.challenge()), HTTPStatus.OK,
        content_type='application/json', headers=page.HEADERS)


@app.route(PREFIX + links.COMPLAINT, methods={'GET', 'POST'})
@set_max_request_size(MAX_UPLOAD * 1024 * 1024)
@public('complaint', counted=('POST',), busy=submission.busy)
def complaint(request, pool):
    "The public complaint form (?office=<company id> fixes the office)."
    if request.method != 'POST':
        return submission.show(request)
    try:
        request.form
    except RequestEntityTooLarge:
        return page.refusal(request, HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
            page.text('error_too_large', size=MAX_UPLOAD))
    return submission.submit(request, pool)


app.wsgi_app = refusals.answered(app.wsgi_app)
