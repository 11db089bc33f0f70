"""A development mail sink: an SMTP server on loopback that appends every
message it receives to an mbox file, so the demo office's e-mails can be read
without a real mail server.

    python tools/mailsink.py var/mail/yankomas.mbox [PORT]

Read the file with any mail reader (`mutt -f var/mail/yankomas.mbox`) or as
plain text.
"""
import mailbox
import signal
import sys
import threading

from aiosmtpd.controller import Controller


class MboxHandler:
    def __init__(self, path):
        self.lock = threading.Lock()
        # Opened once: a new mbox reads the whole file to index it, which
        # made each message cost as much as all those before it.
        self.box = mailbox.mbox(path)

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.box.lock()
            try:
                self.box.add(envelope.original_content)
                self.box.flush()
            finally:
                self.box.unlock()
        return '250 OK'


def main(path, port=8025):
    controller = Controller(
        MboxHandler(path), hostname='127.0.0.1', port=int(port))
    controller.start()
    print("Mail sink on smtp://127.0.0.1:%s writing to %s" % (port, path),
        flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *a: stop.set())
    signal.signal(signal.SIGINT, lambda *a: stop.set())
    stop.wait()
    controller.stop()


if __name__ == '__main__':
    main(*sys.argv[1:])
