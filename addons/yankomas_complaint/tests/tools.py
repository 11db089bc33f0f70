"Helpers for the scenarios: offices with their staff, one user per role."
from proteus import Model
from trytond.modules.company.tests.tools import create_company, get_company
from trytond.modules.currency.tests.tools import get_currency

ROLES = ('duta_layanan', 'petugas', 'kasubsi', 'kasi', 'kepala_kantor',
    'pengawas_internal', 'admin')
VALID_NIK = '3528014107900001'


def create_office(name, code, config=None, timezone='Asia/Jakarta'):
    """Create an office (company) in timezone numbering its complaints
    PGD/<code>/YYYY/."""
    Party = Model.get('party.party', config=config)
    Company = Model.get('company.company', config=config)
    Sequence = Model.get('ir.sequence.strict', config=config)
    SequenceType = Model.get('ir.sequence.type', config=config)
    Configuration = Model.get('yankomas.configuration', config=config)
    User = Model.get('res.user', config=config)

    if not Company.find([]):
        party = Party(name=name)
        party.save()
        create_company(party=party, currency=get_currency('IDR'),
            config=config)
        company = get_company(config=config)
        company.timezone = timezone
        company.save()
    else:
        party = Party(name=name)
        party.save()
        company = Company(party=party, currency=get_currency('IDR'),
            timezone=timezone)
        company.save()
        admin, = User.find([('login', '=', 'admin')])
        admin.companies.append(Company(company.id))
        admin.save()
    with Sequence._config.set_context(
            company=company.id, companies=[company.id]):
        sequence_type, = SequenceType.find([('name', '=', 'Complaint')])
        sequences = {}
        for register, name, letters in [
                ('complaint', "Complaint", 'PGD'),
                ('integrity', "Integrity Report", 'WBS')]:
            sequences[register] = Sequence(name="%s %s" % (name, code),
                company=company, sequence_type=sequence_type,
                prefix='%s/%s/${year}/' % (letters, code), padding=5)
            sequences[register].save()
        configuration = Configuration(1)
        configuration.complaint_sequence = sequences['complaint']
        configuration.integrity_sequence = sequences['integrity']
        configuration.save()
    return company


def create_staff(company, suffix='', config=None):
    "One user per role of the office; login is the role plus suffix."
    User = Model.get('res.user', config=config)
    Group = Model.get('res.group', config=config)
    ModelData = Model.get('ir.model.data', config=config)
    Company = Model.get('company.company', config=config)
    users = {}
    for role in ROLES:
        group = Group(ModelData.get_id(
                'yankomas_complaint', 'group_%s' % role, {}))
        login = ('yankomas_' + role if role == 'admin' else role) + suffix
        user = User(login=login, name=login)
        user.groups.append(group)
        user.companies.append(Company(company.id))
        user.company = Company(company.id)
        user.save()
        users[role] = user
    return users


def set_now(moment=None):
    """Make the clock read moment (naive UTC) until the scenario ends (the
    doctest teardown stops every patch); None gives back the real time.
    Scenarios run trytond in this process."""
    from unittest.mock import patch

    from company_working_calendar import clock
    if moment is None:
        patch.stopall()
    else:
        patch.object(clock, 'now', lambda: moment).start()


class SMTPServer:
    """A real SMTP server on a free loopback port (aiosmtpd) that keeps what
    it receives; trytond's [email] uri points at it while it is started."""

    def __init__(self):
        import socket
        with socket.socket() as sock:
            sock.bind(('127.0.0.1', 0))
            self.port = sock.getsockname()[1]
        self.messages = []
        self.controller = None

    def start(self):
        from aiosmtpd.controller import Controller
        from trytond import config
        server = self

        class Handler:
            async def handle_DATA(self, smtp, session, envelope):
                import email
                from email import policy
                message = email.message_from_bytes(
                    envelope.original_content, policy=policy.default)
                server.messages.append((envelope.rcpt_tos, message))
                return '250 OK'

        self.controller = Controller(
            Handler(), hostname='127.0.0.1', port=self.port)
        self.controller.start()
        config.set('email', 'uri', 'smtp://127.0.0.1:%d' % self.port)
        config.set('email', 'from', 'yankomas@imigrasi.example')
        return self

    def stop(self):
        if self.controller:
            self.controller.stop()
            self.controller = None

    def take(self):
        "The messages received since the last take, as (to, message)."
        messages, self.messages = self.messages, []
        return messages


def press(record, button, note=None, referred_to=None):
    """Press button on record as a person does: direct acts at once; the
    others open their dialog, which takes the note (and the agency of a
    referral) and confirms with do. The record is reloaded."""
    wizard = record.click(button)
    if wizard is not None:
        wizard.form.note = note
        if referred_to is not None:
            wizard.form.referred_to = referred_to
        wizard.execute('do')
    record.reload()
