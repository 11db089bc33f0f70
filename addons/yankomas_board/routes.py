"""The board page and its JSON endpoints, under /<database>/yankomas/board.

Every route needs a valid Tryton session (the web client's cookie, or an
Authorization header) and runs as that user, in their language, with their
access rights and record rules; the data comes from yankomas.board. Without
one, the page itself answers the sign-in page (signin.py) with its style
and script, and every other route Tryton's 401.
"""
import json
import os
from functools import wraps

from trytond.exceptions import UserError, UserWarning
from trytond.model.exceptions import AccessError
from trytond.protocols.wrappers import (
    HTTPStatus, Response, abort, with_pool, with_transaction)
from trytond.transaction import Transaction
from trytond.wsgi import app

from . import signin

BASE = '/<database_name>/yankomas/board'
FOLDER = os.path.dirname(os.path.abspath(__file__))
STATIC = {
    'board.js': ('static/board.js', 'text/javascript; charset=utf-8'),
    'board.css': ('static/board.css', 'text/css; charset=utf-8'),
    'icon.svg': ('icons/yankomas-complaint.svg', 'image/svg+xml'),
    'signin.js': ('static/signin.js', 'text/javascript; charset=utf-8'),
    }
# What the sign-in page needs before there is a session: no data in them.
PUBLIC = {'board.css', 'icon.svg', 'signin.js'}
FILTERS = ('category', 'channel', 'officer', 'overdue')
HEADERS = {
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': (
        "default-src 'self'; frame-ancestors 'self'; form-action 'self'"),
    }


def as_user(func):
    """Run in the request user's preferences (language, office), as the
    web client does, and answer a refusal as JSON with the server's
    message; the transaction is rolled back first."""
    @wraps(func)
    def wrapper(request, pool, *args, **kwargs):
        try:
            return transaction(request, pool, *args, **kwargs)
        except (UserError, UserWarning) as exception:
            status = (HTTPStatus.FORBIDDEN
                if isinstance(exception, AccessError)
                else HTTPStatus.BAD_REQUEST)
            return json_response({
                    'message': exception.message,
                    'description': getattr(exception, 'description', ''),
                    }, status)

    @with_transaction(user='request', context=dict(_check_access=True))
    def transaction(request, pool, *args, **kwargs):
        User = pool.get('res.user')
        context = User.get_preferences(context_only=True)
        with Transaction().set_context(context):
            return func(request, pool, *args, **kwargs)
    return wrapper


def json_response(data, status=HTTPStatus.OK):
    return Response(json.dumps(data), status,
        content_type='application/json', headers=HEADERS)


def filters(request):
    return {k: request.args[k] for k in FILTERS if request.args.get(k)}


def read(name):
    with open(os.path.join(FOLDER, name), 'rb') as file:
        return file.read()


@app.route(BASE, methods={'GET'})
@with_pool
def page(request, pool):
    """The page; it asks the endpoints below for its words and data.
    Without a session (opened from the desktop client, or the session
    ended), the sign-in page, not a challenge that makes the browser ask
    in its own words."""
    if not request.user_id:
        return signin_page(request, pool)
    return Response(read('static/board.html'), HTTPStatus.OK,
        content_type='text/html; charset=utf-8', headers=HEADERS)


@with_transaction()
def signin_page(request, pool):
    # 401 for scripts; no WWW-Authenticate, so browsers show the page.
    return Response(signin.render(request, pool.database_name),
        HTTPStatus.UNAUTHORIZED, content_type='text/html; charset=utf-8',
        headers=HEADERS)


@app.route(BASE + '/static/<name>', methods={'GET'})
@with_pool
def static(request, pool, name):
    if name not in STATIC:
        abort(HTTPStatus.NOT_FOUND)
    if name in PUBLIC:
        return static_file(request, name)
    return app.auth_required(static_file)(request, name)


def static_file(request, name):
    path, content_type = STATIC[name]
    return Response(read(path), HTTPStatus.OK, content_type=content_type,
        headers=HEADERS)


@app.route(BASE + '/setup', methods={'GET'})
@app.auth_required
@with_pool
@as_user
def setup(request, pool):
    return json_response(pool.get('yankomas.board').get_setup())


@app.route(BASE + '/data', methods={'GET'})
@app.auth_required
@with_pool
@as_user
def data(request, pool):
    return json_response(
        pool.get('yankomas.board').get_board(filters(request)))


@app.route(BASE + '/cards', methods={'GET'})
@app.auth_required
@with_pool
@as_user
def cards(request, pool):
    return json_response(pool.get('yankomas.board').get_cards(
            request.args.get('state'), request.args.get('offset', 0),
            filters(request)))


@app.route(BASE + '/pivot', methods={'GET'})
@app.auth_required
@with_pool
@as_user
def pivot(request, pool):
    return json_response(pool.get('yankomas.board').get_pivot(
            request.args.get('rows'), request.args.get('cols'),
            filters(request)))


@app.route(BASE + '/pivot.csv', methods={'GET'})
@app.auth_required
@with_pool
@as_user
def pivot_csv(request, pool):
    rows, cols = request.args.get('rows'), request.args.get('cols')
    measure = request.args.get('measure', 'count')
    text = pool.get('yankomas.board').get_pivot_csv(
        rows, cols, measure, filters(request))
    name = 'yankomas-%s-%s-%s.csv' % (rows, cols, measure)
    # The BOM lets spreadsheets read the file as UTF-8.
    return Response(('\ufeff' + text).encode('utf-8'), HTTPStatus.OK,
        content_type='text/csv; charset=utf-8', headers=dict(HEADERS, **{
                'Content-Disposition': 'attachment; filename="%s"' % name}))


@app.route(BASE + '/move', methods={'POST'})
@app.auth_required
@with_pool
@as_user
def move(request, pool):
    """Move a card: {complaint, source, target, note, referred_to}. Only
    JSON from the page itself (the session cookie is SameSite=Strict)."""
    if request.mimetype != 'application/json':
        abort(HTTPStatus.UNSUPPORTED_MEDIA_TYPE)
    try:
        values = json.loads(request.get_data(as_text=True))
    except ValueError:
        abort(HTTPStatus.BAD_REQUEST)
    # Not assert: the server runs with python -O.
    if not isinstance(values, dict) or not all(
            isinstance(values.get(k), (str, type(None)))
            for k in ('source', 'target', 'note', 'referred_to')):
        abort(HTTPStatus.BAD_REQUEST)
    return json_response(pool.get('yankomas.board').move(
            values.get('complaint'), values.get('source'),
            values.get('target'), values.get('note'),
            values.get('referred_to')))
