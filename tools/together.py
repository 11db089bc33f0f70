"""Run processes side by side and stop them together.

    python tools/together.py CMD [ARG...] [:: CMD [ARG...]]...

Each command runs in a process group of its own. When one of them ends (the
server could not take its port, say) or this script gets Ctrl-C or SIGTERM,
every group is asked to stop (SIGTERM), then killed (SIGKILL) after
GRACE seconds, so that no worker forked by a command (trytond-cron forks
its own) outlives the rest. Exits with the status of the first command
that ended, 130 after Ctrl-C, 143 after SIGTERM. GRACE is 10 seconds, or
YANKOMAS_TOGETHER_GRACE.
"""
import os
import signal
import subprocess
import sys
import time

SEPARATOR = '::'
GRACE = float(os.environ.get('YANKOMAS_TOGETHER_GRACE', 10))


def commands(argv):
    "The commands of argv, split at each SEPARATOR."
    found, current = [], []
    for arg in argv:
        if arg == SEPARATOR:
            found.append(current)
            current = []
        else:
            current.append(arg)
    found.append(current)
    if not all(found):
        raise SystemExit(__doc__)
    return found


class Stop(Exception):
    def __init__(self, status):
        self.status = status


def _stop_on(signum, frame):
    raise Stop(128 + signum)


def signal_groups(processes, signum):
    for process in processes:
        try:
            os.killpg(process.pid, signum)
        except ProcessLookupError:
            pass


def alive(process):
    "Whether any process of the group of process is left."
    try:
        os.killpg(process.pid, 0)
    except ProcessLookupError:
        return False
    return True


def stop(processes, grace=GRACE):
    "Stop every group: SIGTERM, then SIGKILL what is left after grace."
    signal_groups(processes, signal.SIGTERM)
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        for process in processes:
            process.poll()  # reap the leader, or it stays a zombie
        if not any(alive(p) for p in processes):
            return
        time.sleep(0.1)
    signal_groups(processes, signal.SIGKILL)
    for process in processes:
        process.wait()


def run(argv):
    signal.signal(signal.SIGINT, _stop_on)
    signal.signal(signal.SIGTERM, _stop_on)
    processes = []
    try:
        for command in commands(argv):
            processes.append(
                subprocess.Popen(command, start_new_session=True))
        while True:
            for process in processes:
                if process.poll() is not None:
                    return process.returncode
            time.sleep(0.2)
    except Stop as stopped:
        return stopped.status
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        stop(processes)


if __name__ == '__main__':
    sys.exit(run(sys.argv[1:]))
