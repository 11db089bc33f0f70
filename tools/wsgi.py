"""Tryton's WSGI application for production, with a health check.

    TRYTOND_CONFIG=config/production.conf TRYTOND_DATABASE_NAMES=yankomas \\
        gunicorn --pythonpath tools wsgi:app

It is trytond.application:app (which loads the pool of every database in
TRYTOND_DATABASE_NAMES before a worker serves its first request) with one
more route, GET /health: 200 "ok" when every one of those databases
answers a query on its own tables, 503 when one does not (PostgreSQL down
or refusing connections, a database without Tryton). A reverse proxy or an
orchestrator probes it to take a node out of service. The check opens its
own short connection with a timeout instead of taking one from the pool,
which would wait its full timeout (30 s) for a database that is down. The
answer names no database and no error: those go to the log.
"""
import csv
import logging
import os
from io import StringIO

import psycopg

from trytond import config
from trytond.application import app
from trytond.protocols.wrappers import Response

__all__ = ['app']

logger = logging.getLogger('yankomas.health')
TIMEOUT = 3  # seconds, to connect and to run the query


def databases():
    "The databases this node serves, read as trytond.application does."
    names = os.environ.get('TRYTOND_DATABASE_NAMES')
    return next(csv.reader(StringIO(names))) if names else []


def conninfo(name):
    "The connection string of database name, from trytond's [database] uri."
    uri = config.parse_uri(config.get('database', 'uri'))
    return uri._replace(scheme='postgresql', path='/' + name).geturl()


def answers(name):
    "Whether database name answers a query on Tryton's module table."
    try:
        with psycopg.connect(conninfo(name), connect_timeout=TIMEOUT,
                options='-c statement_timeout=%d' % (TIMEOUT * 1000),
                application_name='trytond-health', autocommit=True) as conn:
            conn.execute('SELECT 1 FROM ir_module LIMIT 1').fetchone()
    except psycopg.Error as error:
        logger.warning("health: database %r does not answer: %s", name, error)
        return False
    return True


@app.route('/health', methods={'GET'})
def health(request):
    names = databases()
    if names and all(answers(n) for n in names):
        return Response('ok\n', 200, content_type='text/plain')
    return Response('unavailable\n', 503, content_type='text/plain')
