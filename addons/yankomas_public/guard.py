"""What every public route goes through: the database's pool, a transaction
of its own as root (there is no login: each handler reads only what it
shows), the visitor's language, and the per-address rate limit."""
from functools import wraps

from trytond.protocols.wrappers import HTTPStatus, with_pool, with_transaction
from trytond.transaction import Transaction

from . import page


def public(kind=None, counted=('GET', 'POST')):
    """Decorate a route's handler(request, pool, ...): kind names its rate
    limit (window.LIMITS), counting the requests of the methods counted."""
    def decorator(func):
        @wraps(func)
        @with_pool
        @with_transaction(readonly=False)
        def wrapper(request, pool, *args, **kwargs):
            with Transaction().set_context(language=page.language(request)):
                if kind and request.method in counted:
                    wait = admit(pool, kind, request)
                    if wait:
                        return too_many(request, wait)
                return func(request, pool, *args, **kwargs)
        return wrapper
    return decorator


def admit(pool, kind, request):
    "None if the visitor's request of kind is allowed, else seconds to wait."
    return pool.get('yankomas.public.hit').admit(kind, request.remote_addr)


def too_many(request, wait):
    return page.refusal(request, HTTPStatus.TOO_MANY_REQUESTS,
        page.text('too_many', minutes=max(1, round(wait / 60))),
        headers={'Retry-After': str(wait)})


def start_again(pool, kind, request):
    """Undo what a refused submission wrote, keeping its count against the
    rate limit (a refused submission is a request like another)."""
    Transaction().rollback()
    admit(pool, kind, request)
