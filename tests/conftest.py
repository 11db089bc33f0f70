"""A fresh Yankomas server for the end-to-end tests, built as `make run` does.

YANKOMAS_E2E_DB=postgresql runs it on a new PostgreSQL database (dropped at
the end) instead of SQLite in a temporary folder.
"""
import base64
import configparser
import itertools
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PASSWORD = 'yankomas-demo'
BACKEND = os.environ.get('YANKOMAS_E2E_DB', 'sqlite')
ARTIFACTS = ROOT / 'tests' / 'artifacts'
# The modules `make run` activates (they bring in the others).
TOP_MODULES = [
    'yankomas_email', 'yankomas_recap', 'yankomas_reporting',
    'yankomas_board', 'yankomas_privacy', 'yankomas_public',
    'yankomas_answer', 'yankomas_survey']
# Run by unittest in `make test`'s module tests, not here.
collect_ignore = ['test_modules_together.py']


class RPCError(Exception):
    """An error answered by the server: args are Tryton's (type, details)
    for what it tells the user, (text, traceback) for a server error."""

    @property
    def user_error(self):
        "Whether the server refused with a message for the user."
        return self.args[0] in {'UserError', 'UserWarning'}

    @property
    def message(self):
        "The message shown to the user (the text of a server error)."
        if self.args[0] == 'UserError':
            return self.args[1][0]
        if self.args[0] == 'UserWarning':
            return self.args[1][1]
        return str(self.args[0])


class Client:
    "A JSON-RPC session of one user, as sao opens it."

    _ids = itertools.count(1)

    def __init__(self, server, login, password=PASSWORD):
        self.url = f'{server.url}{server.database}/rpc/'
        self.auth = None
        self.user_id, session = self.call(
            'common.db.login', login, {'password': password}, 'id')[:2]
        token = f'{login}:{self.user_id}:{session}'.encode()
        self.auth = 'Session ' + base64.b64encode(token).decode()
        self.context = self.call('model.res.user.get_preferences', True, {})

    def call(self, method, *params):
        body = json.dumps(
            {'id': next(self._ids), 'method': method, 'params': params})
        request = urllib.request.Request(
            self.url, body.encode(), {'Content-Type': 'application/json'})
        if self.auth:
            request.add_header('Authorization', self.auth)
        with urllib.request.urlopen(request, timeout=120) as response:
            answer = json.load(response)
        if 'error' in answer:
            raise RPCError(*answer['error'])
        return answer['result']

    def model(self, model, method, *args):
        "Call MODEL.METHOD(*args) in the user's context, as sao does."
        return self.call(f'model.{model}.{method}', *args, self.context)


def _free_port():
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        return sock.getsockname()[1]


def _write_config(folder, port):
    "The repository's config with absolute paths and a free port."
    name = 'trytond-postgresql.conf' if BACKEND == 'postgresql' else (
        'trytond.conf')
    config = configparser.ConfigParser(interpolation=None)
    config.read(ROOT / 'config' / name)
    config['database']['path'] = str(folder / 'db')
    config['web']['listen'] = f'127.0.0.1:{port}'
    config['web']['root'] = str(ROOT / 'var' / 'sao')
    (folder / 'db').mkdir()
    path = folder / 'trytond.conf'
    with path.open('w') as file:
        config.write(file)
    return path, config['database']['uri']


def _postgresql(uri, sql):
    import psycopg
    with psycopg.connect(uri, dbname='postgres', autocommit=True) as conn:
        conn.execute(sql)


def _wait_until_up(url, process, log, timeout=120):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if process.poll() is not None:
            pytest.fail(f"trytond exited:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.5)
    pytest.fail(f"trytond did not answer on {url}:\n{log.read_text()}")


class Server:
    def __init__(self, url, database, log):
        self.url, self.database, self.log = url, database, log
        self.config = self.uri = self.folder = None

    def sql(self, statement, params=()):
        """Run statement on the database behind the application's back, as
        someone with access to it could."""
        if BACKEND == 'postgresql':
            import psycopg
            with psycopg.connect(self.uri, dbname=self.database,
                    autocommit=True) as conn:
                return conn.execute(statement.replace('?', '%s'),
                    params).fetchall() if statement.lstrip().upper(
                        ).startswith('SELECT') else conn.execute(
                            statement.replace('?', '%s'), params)
        import sqlite3
        conn = sqlite3.connect(self.folder / 'db' / f'{self.database}.sqlite')
        try:
            rows = conn.execute(statement, params).fetchall()
            conn.commit()
            return rows
        finally:
            conn.close()

    def holding(self, text):
        """Where text is stored in the database, behind the application's
        back: every text column of every table that holds it, as
        'table.column'."""
        if BACKEND == 'postgresql':
            import psycopg
            with psycopg.connect(self.uri, dbname=self.database) as conn:
                columns = conn.execute(
                    "SELECT table_name, column_name "
                    "FROM information_schema.columns c "
                    "WHERE table_schema = 'public' AND data_type IN "
                    "('text', 'character varying', 'json', 'jsonb') "
                    "AND EXISTS (SELECT 1 FROM information_schema.tables t "
                    "WHERE t.table_schema = 'public' AND t.table_type = "
                    "'BASE TABLE' AND t.table_name = c.table_name)"
                    ).fetchall()
                return [f'{table}.{column}' for table, column in columns
                    if conn.execute(f'SELECT 1 FROM "{table}" WHERE '
                        f'strpos("{column}"::text, %s) > 0 LIMIT 1',
                        (text,)).fetchone()]
        import sqlite3
        conn = sqlite3.connect(self.folder / 'db' / f'{self.database}.sqlite')
        try:
            tables = [t for t, in conn.execute("SELECT name FROM sqlite_master"
                    " WHERE type = 'table'")]
            found = []
            for table in tables:
                for _, column, kind, *_ in conn.execute(
                        f'PRAGMA table_info("{table}")'):
                    if ('CHAR' in kind.upper() or 'TEXT' in kind.upper()
                            or 'JSON' in kind.upper()) and conn.execute(
                                f'SELECT 1 FROM "{table}" WHERE '
                                f'instr("{column}", ?) > 0 LIMIT 1',
                                (text,)).fetchone():
                        found.append(f'{table}.{column}')
            return found
        finally:
            conn.close()

    def login(self, login, password=PASSWORD):
        return Client(self, login, password)


class Mailbox:
    """A real SMTP server (aiosmtpd) on a loopback port (a free one unless
    given), in this process, that keeps every message the Yankomas server
    sends. It takes delay seconds to accept each message once it has it
    whole, as a slow server writing it to disk does: a sender that dies
    meanwhile never learns it was delivered. stop() closes the port (the
    server is down); start() opens it again."""

    def __init__(self, port=None, delay=0):
        self.port = port or _free_port()
        self.delay = delay
        self.messages = []
        self.controller = None

    def start(self):
        import asyncio
        import email
        from email import policy

        from aiosmtpd.controller import Controller
        mailbox = self

        class Handler:
            async def handle_DATA(self, smtp, session, envelope):
                mailbox.messages.append((envelope.rcpt_tos,
                        email.message_from_bytes(envelope.original_content,
                            policy=policy.default)))
                await asyncio.sleep(mailbox.delay)
                return '250 OK'

        # A stopped controller's loop is closed: a new one each time.
        self.controller = Controller(
            Handler(), hostname='127.0.0.1', port=self.port)
        self.controller.start()

    def stop(self):
        self.controller.stop()
        self.controller = None

    @property
    def uri(self):
        return f'smtp://127.0.0.1:{self.port}'

    def to(self, address, timeout=30):
        """The messages received for address, waiting up to timeout seconds
        for the first one (the server sends after its commit)."""
        end = time.monotonic() + timeout
        while True:
            found = [m for rcpt, m in self.messages if address in rcpt]
            if found or time.monotonic() > end:
                return found
            time.sleep(0.2)


# The tests of the production deployment (test_production.py,
# test_faults.py) mark every process they start with PRODUCTION_MARKER=<their
# database> in its environment: that is how they find what is left, forked
# workers and orphans included, and kill it.
PRODUCTION_MARKER = 'YANKOMAS_PRODUCTION_TEST'


def production_env(database, **values):
    """The environment of the processes of a deployment on database, marked,
    with values: not the database settings of the e2e server nor make's of
    make test."""
    env = dict(os.environ)
    for name in ['TRYTOND_DATABASE__URI', 'TRYTOND_DATABASE_NAMES',
            'MAKEFLAGS', 'MFLAGS', 'MAKELEVEL']:
        env.pop(name, None)
    return dict(env, **{PRODUCTION_MARKER: database}, **values)


def production_database(folder, database, env):
    """Database made by `make production-database` with the demo office, its
    output in folder/build.out."""
    with (folder / 'build.out').open('ab') as output:
        subprocess.run(['make', '--no-print-directory', 'production-database',
                f'PRODUCTION_DB={database}', f'PRODUCTION_VAR={folder}',
                'PRODUCTION_DEMO=yes'], cwd=ROOT, env=env, stdout=output,
            stderr=subprocess.STDOUT, check=True, timeout=600)


def marked(marker):
    "The pids of the live processes whose environment carries marker."
    needle = f'{PRODUCTION_MARKER}={marker}'.encode()
    found = []
    for entry in Path('/proc').iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if needle in (entry / 'environ').read_bytes().split(b'\0'):
                found.append(int(entry.name))
        except OSError:
            continue  # gone, or a zombie's
    return found


def kill_marked(marker):
    "SIGKILL every live process whose environment carries marker."
    for pid in marked(marker):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def health(url):
    "The status of GET url/health, None when refused."
    try:
        with urllib.request.urlopen(url + 'health', timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:  # refused, or no worker ready to answer yet
        return None


def wait_for(condition, timeout, step=0.5):
    "The first true value of condition() within timeout seconds, or its last."
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if value := condition():
            return value
        time.sleep(step)
    return condition()


@pytest.fixture(scope='session')
def mailbox():
    box = Mailbox()
    box.start()
    try:
        yield box
    finally:
        box.stop()


@pytest.fixture(scope='session')
def server(tmp_path_factory, mailbox):
    folder = tmp_path_factory.mktemp('yankomas')
    port = _free_port()
    config, uri = _write_config(folder, port)
    passfile = folder / 'admin-password'
    passfile.write_text(PASSWORD + '\n')
    # E-mail to the real SMTP server above; links in it to this server.
    env = dict(os.environ, TRYTONPASSFILE=str(passfile),
        TRYTOND_EMAIL__URI=mailbox.uri,
        TRYTOND_EMAIL__FROM='yankomas@imigrasi.example',
        TRYTOND_WEB__HOSTNAME=f'127.0.0.1:{port}')
    if BACKEND == 'postgresql':
        database = f'yankomas_e2e_{os.getpid()}'
        _postgresql(uri, f'CREATE DATABASE "{database}"')
    else:
        database = 'yankomas'
        (folder / 'db' / f'{database}.sqlite').touch()
    log = folder / 'trytond.log'
    process = None
    try:
        subprocess.run([BIN / 'trytond-admin', '-c', config, '-d', database,
                '-u', *TOP_MODULES, '--activate-dependencies',
                '-l', 'id'], input=b'\n',  # no e-mail for admin
            check=True, env=env, cwd=ROOT)
        subprocess.run([sys.executable, ROOT / 'tools' / 'demo.py',
                '-c', config, '-d', database], check=True, env=env, cwd=ROOT)
        with log.open('w') as output:
            process = subprocess.Popen(
                [BIN / 'trytond', '-c', config, '-d', database],
                env=dict(env, PYTHONOPTIMIZE='1'), cwd=ROOT,
                stdout=output, stderr=subprocess.STDOUT)
        url = f'http://127.0.0.1:{port}/'
        _wait_until_up(url, process, log)
        server = Server(url, database, log)
        server.config, server.uri, server.folder = config, uri, folder
        try:
            # trytond serves even when loading the database failed.
            server.login('admin')
        except RPCError:
            pytest.fail(f"trytond cannot log in:\n{log.read_text()}")
        yield server
    finally:
        if process:
            process.terminate()
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
        if BACKEND == 'postgresql':
            _postgresql(uri, f'DROP DATABASE IF EXISTS "{database}" (FORCE)')


@pytest.fixture(scope='session')
def artifacts():
    ARTIFACTS.mkdir(exist_ok=True)
    for old in ARTIFACTS.glob(f'{BACKEND}-*'):
        old.unlink()
    return ARTIFACTS
