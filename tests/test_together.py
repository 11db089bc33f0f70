"""tools/together.py, which `make run` starts the server, the scheduler and
the mail sink with: nothing is left behind, neither when the server fails
to start (its port taken) nor after Ctrl-C, forked workers included."""
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

TOGETHER = Path(__file__).resolve().parent.parent / 'tools' / 'together.py'
# A scheduler-like command: it forks a worker, writes both pids, sleeps.
FORKING = """
import os, sys, time
child = os.fork()
if child == 0:
    time.sleep(600)
    os._exit(0)
open(sys.argv[1], 'w').write('%d %d' % (os.getpid(), child))
time.sleep(600)
"""
# A server-like command that must take a port.
SERVING = """
import socket, sys, time
s = socket.socket()
s.bind(('127.0.0.1', int(sys.argv[1])))
s.listen()
time.sleep(600)
"""


def running(pid):
    "Whether pid is a live process (not a zombie)."
    try:
        with open(f'/proc/{pid}/stat') as stat:
            return stat.read().split(') ')[1][0] != 'Z'
    except FileNotFoundError:
        return False


def forked_pids(path, timeout=30):
    deadline = time.monotonic() + timeout
    while not (path.exists() and path.read_text()):
        assert time.monotonic() < deadline, "the command never started"
        time.sleep(0.05)
    return [int(p) for p in path.read_text().split()]


def start(tmp_path, port):
    pids = tmp_path / 'pids'
    process = subprocess.Popen([sys.executable, str(TOGETHER),
            sys.executable, '-c', FORKING, str(pids), '::',
            sys.executable, '-c', SERVING, str(port)])
    return process, forked_pids(pids)


def assert_gone(pids, timeout=15):
    deadline = time.monotonic() + timeout
    while any(running(p) for p in pids):
        assert time.monotonic() < deadline, [p for p in pids if running(p)]
        time.sleep(0.1)


def test_port_taken_leaves_nothing(tmp_path):
    taken = socket.socket()
    taken.bind(('127.0.0.1', 0))
    taken.listen()
    try:
        process, pids = start(tmp_path, taken.getsockname()[1])
        assert process.wait(timeout=30) != 0  # the server's failure
        assert_gone(pids)
    finally:
        taken.close()


def test_ctrl_c_leaves_nothing(tmp_path):
    free = socket.socket()
    free.bind(('127.0.0.1', 0))
    port = free.getsockname()[1]
    free.close()
    process, pids = start(tmp_path, port)
    time.sleep(0.5)
    assert process.poll() is None and all(running(p) for p in pids)
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=30) == 128 + signal.SIGINT
    assert_gone(pids)


def test_stubborn_worker_killed(tmp_path):
    "A worker that ignores SIGTERM is killed after the grace period."
    pids = tmp_path / 'pids'
    stubborn = ("import os, signal, sys, time\n"
        "signal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
        "open(sys.argv[1], 'w').write(str(os.getpid()))\n"
        "time.sleep(600)\n")
    env = dict(os.environ, YANKOMAS_TOGETHER_GRACE='1')
    process = subprocess.Popen([sys.executable, str(TOGETHER),
            sys.executable, '-c', stubborn, str(pids), '::',
            sys.executable, '-c', 'import time; time.sleep(1)'], env=env)
    worker, = forked_pids(pids)
    assert process.wait(timeout=30) == 0  # the second command's status
    assert_gone([worker], timeout=5)
