"""What every public route goes through: the database's pool, a transaction
of its own as root (there is no login: each handler reads only what it
shows), the visitor's language, the per-address rate limit, patience with
a busy database and, for some pages, a floor of time."""
import random
import time
from functools import wraps

from trytond import backend, config
from trytond.protocols.wrappers import (
    HTTPStatus, abort, with_pool, with_transaction)
from trytond.transaction import Transaction

from . import page

MODULE = 'yankomas_public'


def patience():
    """The seconds a request waits, trying again, for the rows others hold
    (the complaint register's number) before the visitor is asked to send
    again ([yankomas_public] busy_wait)."""
    return config.getfloat('yankomas_public', 'busy_wait', default=15)


def public(kind=None, counted=('GET', 'POST'), floor=None, busy=None):
    """Decorate a route's handler(request, pool, ...): kind names its rate
    limit (window.LIMITS), counting the requests of the methods counted;
    floor() gives the seconds its answer takes at least; busy(request)
    answers when the database stays busy (by default a refusal)."""
    def decorator(func):
        module = func.__module__.split('.')[-2]

        @with_transaction(readonly=False)
        def handle(request, pool, *args, **kwargs):
            with Transaction().set_context(language=page.language(request)):
                if not activated(pool, module):
                    return page.refusal(request, HTTPStatus.NOT_FOUND,
                        page.text('not_found'),
                        title=page.text('not_found_title'))
                if kind and request.method in counted:
                    wait = admit(pool, kind, request)
                    if wait:
                        return too_many(request, wait)
                return func(request, pool, *args, **kwargs)

        @with_transaction(readonly=True)
        def give_back(request, pool):
            with Transaction().set_context(language=page.language(request)):
                response = (busy or refuse_busy)(request)
                response.headers['Retry-After'] = '10'
                return response

        @wraps(func)
        @with_pool
        def wrapper(request, pool, *args, **kwargs):
            start = time.monotonic()
            try:
                return patiently(handle, request, pool, *args, **kwargs)
            except backend.DatabaseOperationalError:
                return give_back(request, pool)
            finally:
                # After the commit: a visitor kept waiting holds no lock.
                if floor:
                    rest = floor() - (time.monotonic() - start)
                    if rest > 0:
                        time.sleep(rest)
        return wrapper
    return decorator


def patiently(handle, *args, **kwargs):
    """handle(*args, **kwargs), tried again after a growing, random pause
    while the database is busy (trytond's own retries are immediate), for
    patience() seconds at most."""
    deadline = time.monotonic() + patience()
    pause = 0.05
    while True:
        try:
            return handle(*args, **kwargs)
        except backend.DatabaseOperationalError:
            pause = min(pause * 2, 1)
            wait = random.uniform(pause / 2, pause)
            if time.monotonic() + wait > deadline:
                raise
            time.sleep(wait)


def activated(pool, module):
    """Whether the module of the page is activated in this database (its
    routes exist for every database of the server); without
    yankomas_public itself, the database has no public page at all.
    The database's pool holds exactly its activated modules (trytond
    reloads it in every process when they change), so no query is needed."""
    modules = pool._modules
    if MODULE not in modules:
        abort(HTTPStatus.NOT_FOUND)
    return module in modules


def admit(pool, kind, request):
    "None if the visitor's request of kind is allowed, else seconds to wait."
    return pool.get('yankomas.public.hit').admit(kind, request.remote_addr)


def too_many(request, wait):
    return page.refusal(request, HTTPStatus.TOO_MANY_REQUESTS,
        page.text('too_many', minutes=max(1, round(wait / 60))),
        headers={'Retry-After': str(wait)})


def refuse_busy(request):
    return page.refusal(request, HTTPStatus.SERVICE_UNAVAILABLE,
        page.text('busy'))


def start_again(pool, kind, request):
    """Undo what a refused submission wrote, keeping its count against the
    rate limit (a refused submission is a request like another)."""
    Transaction().rollback()
    admit(pool, kind, request)
