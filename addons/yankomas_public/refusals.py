"""trytond 8.0's WSGI application refuses a request from a foreign Origin,
a null Origin or a malformed Host by raising werkzeug's HTTP exception
outside its own error handling (wsgi.py, TrytondWSGI.wsgi_app), so the WSGI
server answers 500. This answers the refusal trytond meant instead, for
every address of the server (its own RPC included)."""
from werkzeug.exceptions import HTTPException


def answered(wsgi_app):
    "wsgi_app, with the HTTP refusals it raises sent as answers."
    if getattr(wsgi_app, 'refusals_answered', False):
        return wsgi_app

    def wrapper(environ, start_response):
        try:
            return wsgi_app(environ, start_response)
        except HTTPException as refusal:
            return refusal(environ, start_response)
    wrapper.refusals_answered = True
    return wrapper
