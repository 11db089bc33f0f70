import datetime as dt
import functools
from collections import defaultdict

from sql import Null
from sql.conditionals import Coalesce

from trytond import backend
from trytond.i18n import gettext
from trytond.model import (
    Index, ModelSQL, ModelView, Unique, Workflow, fields)
from trytond.model.exceptions import AccessError
from trytond.pool import Pool
from trytond.pyson import Bool, Eval, Id, If, Or
from trytond.rpc import RPC
from trytond.transaction import Transaction, without_check_access

from company_working_calendar import clock

from . import bounds, identity, register_queue, serialise, tracking
from .identity import IDENTITY_FIELDS
from .bounds import SIZES
from .link import ChainedMixin
from .exceptions import (
    ComplaintActionUnknown, ComplaintIncidentError, ComplaintIncomplete,
    ComplaintMoved, ComplaintNoteRequired,
    ComplaintReceivedError, ComplaintReferralAgency, ComplaintSequenceMissing,
    IdentityValidationError, StepHoldError)
from .pipeline import (
    ALL_ACTIONS, ALL_BUTTONS, ALL_STEP_ROLES, ANONYMOUS_CHANNELS,
    BACKDATED_CHANNELS, CLOSED_STATES, INTAKE_STATES, INTEGRITY_FINAL_STATES,
    INTEGRITY_NEEDS_COMPLETE,
    NEEDS_COMPLETE_FORM, NOTE_OPTIONAL, OFFICER_STEP, OUTCOMES,
    SETS_RESOLUTION, STEP_ROLES,
    first_state, level_reached, received_problem, responsible, transitions)
from .confidentiality import ConfidentialMixin
from .integrity import IntegrityMixin
from .revision import CORRECTION, RevisedMixin
from .wbs import IntegrityReportMixin
from .roles import user_roles
from .step import STEP_SELECTION

# Set by the workflow or at creation; clients may not write them.
WORKFLOW_FIELDS = {
    'state', 'number', 'resolution', 'closed', 'steps', 'company', 'channel',
    'received', 'integrity', 'tracking_code', 'referred_to',
    'current_deadline'}
# Of those, what a client may not send even when creating a complaint.
SERVER_FIELDS = WORKFLOW_FIELDS - {'company', 'channel', 'received'}
_closed = Eval('state').in_(list(CLOSED_STATES))
_states = {'readonly': _closed}
_hidden = Eval('identity_hidden', False)
_identity = {'readonly': _closed | _hidden}
_passport = {
    'invisible': Eval('id_type') != 'passport',
    'readonly': _closed | _hidden,
    }
_representative = {
    'invisible': Eval('representation') != 'representative',
    'readonly': _closed | _hidden,
    }


def _sop_button(action):
    """The button that performs action. direct acts at once; the others open
    the dialog asking for their note (act.py), which does the action with
    it (Complaint.transit)."""
    if action in NOTE_OPTIONAL:
        def button(cls, complaints):
            cls.transit(complaints, action, None)
        decorate = ModelView.button
    else:
        def button(cls, complaints):
            pass
        decorate = ModelView.button_action(
            'yankomas_complaint.wizard_complaint_%s' % action)
    # ModelView.button finds the button's groups by the function's name.
    button.__name__ = button.__qualname__ = action
    checked = decorate(button)

    @functools.wraps(checked)
    def seen_first(cls, complaints, *args, **kwargs):
        # A complaint moved since the client read it is refused naming who
        # moved it, before the button's states would refuse it nameless;
        # the dialog checks again with the note.
        cls._check_seen(complaints)
        return checked(cls, complaints, *args, **kwargs)
    return classmethod(seen_first)


def _button_check(action):
    """The checks of action's button (groups, states, rules, log) for a
    transition asked by another way than the button (Complaint.transit)."""
    def check(cls, complaints):
        pass
    check.__name__ = check.__qualname__ = action
    return ModelView.button(check)


class Complaint(
        ConfidentialMixin, IntegrityReportMixin, ChainedMixin, RevisedMixin,
        IntegrityMixin, Workflow, ModelSQL, ModelView):
    __name__ = 'yankomas.complaint'
    __string__ = "Complaint"
    _rec_name = 'number'
    # A copy of the open step's deadline, which the step's link covers.
    _chain_excluded = ChainedMixin._chain_excluded | {'current_deadline'}
    # The lines longer than bounds.WIDE_CHAR: checked by bounds.check_values
    # without a field size, which would widen their input.
    _text_limits = {name: SIZES[name] for name in [
            'received_reason', 'subject', 'email', 'represented_name',
            'power_of_attorney', 'reported_party', 'incident_place']}

    number = fields.Char(
        "Number", size=SIZES['number'], readonly=True)
    tracking_code = fields.Char(
        "Tracking Code", size=len(tracking.formatted('x' * tracking.LENGTH)),
        readonly=True,
        help="Random, given to the complainant to follow the complaint: "
        "unlike the number, it cannot be guessed.")
    company = fields.Many2One(
        'company.company', "Office", required=True,
        states={'readonly': Eval('id', -1) >= 0})
    channel = fields.Selection([
            ('walk_in', "Walk-in (Yankomas post)"),
            ('phone', "Phone / hotline"),
            ('letter', "Official letter"),
            ('email', "E-mail"),
            ('web', "Website form"),
            ('whatsapp', "WhatsApp"),
            ('social_media', "Social media"),
            ('lapor', "SP4N-LAPOR!"),
            ], "Channel", required=True, sort=False,
        states={'readonly': Eval('id', -1) >= 0})
    channel_string = channel.translated('channel')
    received = fields.DateTime(
        "Received", required=True,
        states={
            'readonly': ((Eval('id', -1) >= 0)
                | ~Eval('channel').in_(list(BACKDATED_CHANNELS))),
            },
        help="When the office received the complaint; a letter, an e-mail "
        "or a SP4N-LAPOR! report may be dated back to when it arrived.")
    received_reason = fields.Char(
        "Back-dating Reason",
        states={
            'invisible': ~Eval('channel').in_(list(BACKDATED_CHANNELS)),
            'readonly': Eval('id', -1) >= 0,
            },
        help="Why the receipt is dated earlier than its entry, e.g. the "
        "date stamped on the letter.")
    category = fields.Many2One(
        'yankomas.complaint.category', "Category", states=_states)
    general = fields.Function(
        fields.Boolean(
            "General",
            help="Settled at the desk by the complaint officer."),
        'on_change_with_general')
    subject = fields.Char("Subject", required=True, states=_states)
    description = fields.Text(
        "Chronology", size=SIZES['description'], states=_states,
        help="What happened: who, what, when, where, why and how.")

    anonymous = fields.Boolean(
        "Anonymous",
        states={
            'invisible': ~Eval('channel').in_(list(ANONYMOUS_CHANNELS)),
            'readonly': ~Eval('state').in_(list(INTAKE_STATES)),
            },
        help="Came without any identity (a letter, a web form or a "
        "SP4N-LAPOR! report): none is asked, the answer goes back through "
        "the channel.")
    complainant = fields.Many2One(
        'party.party', "Complainant",
        states={
            'required': ~Eval('anonymous', False) & ~_hidden,
            'invisible': Eval('anonymous', False) | _hidden,
            'readonly': _closed | _hidden,
            },
        context={'company': Eval('company', -1)}, depends={'company'})
    complainant_name = fields.Char(
        "Name on the Form", readonly=True,
        states={'invisible': Eval('anonymous', False)},
        help="The complainant's name as the form took it down: a later "
        "change of the party does not rewrite it.")
    phone = fields.Char("Phone", size=SIZES['phone'], states=_identity)
    email = fields.Char("E-mail", states=_identity)
    address = fields.Text(
        "Address", size=SIZES['address'], states=_identity)
    nationality = fields.Many2One(
        'country.country', "Nationality", states=_states)
    id_type = fields.Selection([
            (None, ""),
            ('nik', "NIK (Indonesian ID card)"),
            ('passport', "Passport"),
            ], "ID Type", sort=False,
        states=_identity)
    id_type_string = id_type.translated('id_type')
    id_number = fields.Char(
        "ID Number", size=SIZES['id_number'], states=_identity)
    id_country = fields.Many2One(
        'country.country', "Issuing Country", states=_passport)
    representation = fields.Selection([
            ('self', "On their own behalf"),
            ('representative', "As representative (power of attorney)"),
            ], "Acting", required=True, sort=False, states=_states)
    representation_string = representation.translated('representation')
    represented_name = fields.Char(
        "Represented Person", states=_representative)
    power_of_attorney = fields.Char(
        "Power of Attorney", states=_representative,
        help="Number and date of the letter of authority (surat kuasa).")

    service = fields.Selection([
            (None, ""),
            ('passport', "Passport"),
            ('stay_permit', "Stay permit"),
            ('visa', "Visa"),
            ('other', "Other"),
            ], "Service Concerned", sort=False, states=_states)
    service_string = service.translated('service')
    application_number = fields.Char(
        "Application Number", size=SIZES['application_number'],
        states=_states,
        help="The application or booking number in SIMKIM or M-Paspor.")
    reported_party = fields.Char(
        "Person or Unit Complained About", states=_states)
    incident_place = fields.Char("Place of Incident", states=_states)
    incident_time = fields.DateTime("Time of Incident", states=_states)
    loss = fields.Text(
        "Loss Suffered", size=SIZES['loss'], states=_states)
    requested_resolution = fields.Text(
        "Resolution Requested", size=SIZES['requested_resolution'],
        states=_states)
    compensation_claimed = fields.Boolean(
        "Compensation Claimed", states=_states)
    compensation_amount = fields.Numeric(
        "Compensation Amount (IDR)", digits=(16, 0),
        states={
            'invisible': ~Eval('compensation_claimed'),
            'readonly': _closed,
            })
    confidential = fields.Boolean(
        "Confidential",
        states=_identity,
        help="The complainant asked that their identity be kept "
        "confidential.")

    state = fields.Selection(STEP_SELECTION + [
            ('done', "Done"),
            ('withdrawn', "Withdrawn"),
            ('referred', "Referred"),
            ('rejected', "Rejected"),
            ('cancelled', "Cancelled"),
            ('no_reply', "Closed: no reply from the complainant"),
            ('forwarded', "Forwarded to the Inspectorate General"),
            ('closed', "Closed"),
            ], "State", required=True, readonly=True, sort=False)
    state_string = state.translated('state')
    steps = fields.One2Many(
        'yankomas.complaint.step', 'complaint', "Handling History",
        readonly=True)
    referred_to = fields.Char(
        "Referred To", size=SIZES['referred_to'], readonly=True,
        states={
            # An integrity report is forwarded or closed, never referred.
            'invisible': (Eval('state') != 'referred')
            | Eval('integrity', False),
            },
        help="The agency the complaint was referred to when it was not the "
        "office's to settle (e.g. Dukcapil for civil-registry data), as "
        "given with the referral.")
    holds = fields.Function(fields.Many2Many(
            'yankomas.complaint.step.hold', None, None, "Holds",
            readonly=True,
            help="The periods its steps spent on hold."), 'get_holds')
    resolution = fields.Text(
        "Resolution", size=SIZES['note'], readonly=True,
        help="The final answer given to the complainant.")
    closed = fields.DateTime("Closed", readonly=True)
    revisions = fields.One2Many(
        'yankomas.complaint.revision', 'complaint', "Change History",
        readonly=True,
        help="The changes made after the intake, with the old values.")

    current_step = fields.Function(
        fields.Many2One('yankomas.complaint.step', "Current Step"),
        'get_current_step')
    current_deadline = fields.DateTime(
        "Current Deadline", readonly=True,
        help="The deadline of the open step, kept by each transition and "
        "hold: empty while on hold and once closed.")
    overdue = fields.Function(
        fields.Boolean("Overdue"), 'get_overdue', searcher='search_overdue')
    officer = fields.Function(
        fields.Many2One(
            'res.user', "Complaint Officer",
            help="The complaint officer who took the complaint at intake: "
            "who closed that step, else who holds it."),
        'get_officer')
    my_task = fields.Function(
        fields.Boolean("My Task"), 'get_my_task', searcher='search_my_task')
    on_hold = fields.Function(
        fields.Boolean("On Hold"), 'get_current_step')
    answer_deadline = fields.Function(
        fields.Date(
            "Answer By",
            help="The legal deadline to answer the complainant."),
        'get_legal_deadline')
    decision_deadline = fields.Function(
        fields.Date(
            "Decide By",
            help="The legal deadline to decide the complaint, "
            "counted from when its file was complete."),
        'get_legal_deadline')
    level = fields.Function(fields.Selection([
                ('desk', "Desk"),
                ('kasubsi', "Head of subsection"),
                ('kasi', "Head of section"),
                ], "Level Reached"), 'get_level')
    level_string = level.translated('level')
    count = fields.Function(fields.Integer("Count"), 'get_count')

    @classmethod
    def __setup__(cls):
        cls.number.search_unaccented = False
        super().__setup__()
        t = cls.__table__()
        cls._sql_indexes.update({
                Index(t, (t.number, Index.Equality())),
                # As Char searches it, NULL read as '' (the number's is
                # ModelSQL's index of the record name).
                Index(t, (Coalesce(t.tracking_code, ''), Index.Equality())),
                Index(t, (t.received, Index.Range())),
                Index(
                    t, (t.state, Index.Equality(cardinality='low')),
                    where=~t.state.in_(list(CLOSED_STATES))),
                # The overdue lists: open steps by deadline.
                Index(t, (t.current_deadline, Index.Range()),
                    where=t.current_deadline != Null),
                })
        cls._sql_constraints += [
            ('tracking_code_unique', Unique(t, t.tracking_code),
                'yankomas_complaint.msg_complaint_tracking_code_unique'),
            ]
        cls._order = [('received', 'DESC'), ('id', 'DESC')]
        cls._transitions |= transitions()
        cls._buttons.update({
                name: {
                    'invisible': ~Eval('state').in_(list(sources)),
                    'depends': ['state'],
                    }
                for name, (sources, _) in ALL_BUTTONS.items()})
        for name in ('direct', 'escalate', 'request_direction',
                'give_direction', 'forward'):
            cls._buttons[name]['icon'] = 'tryton-forward'
        for name in ('resolve', 'decide', 'complete', 'forward_itjen'):
            cls._buttons[name]['icon'] = 'tryton-ok'
        cls._buttons['examine']['icon'] = 'tryton-forward'
        cls._buttons['close_report']['icon'] = 'tryton-cancel'
        cls._buttons['cancel']['icon'] = 'tryton-cancel'
        cls._buttons['withdraw']['icon'] = 'tryton-undo'
        cls._buttons['refer']['icon'] = 'tryton-forward'
        cls._buttons['reject']['icon'] = 'tryton-cancel'
        # An outcome is offered at each step to its own role only; the
        # server evaluates the button's states with the user's real groups,
        # so it refuses anyone else too.
        groups = Eval('context', {}).get('groups', [])
        for name in OUTCOMES:
            cls._buttons[name]['invisible'] = ~Or(*(
                    (Eval('state') == step)
                    & Id('yankomas_complaint', 'group_%s' % role).in_(groups)
                    for step, role in STEP_ROLES.items()))
        cls._buttons.update({
                'hold': {
                    'invisible': (Eval('state').in_(list(CLOSED_STATES))
                        | Eval('on_hold', False)),
                    'icon': 'yankomas-pause',
                    'depends': ['state', 'on_hold'],
                    },
                'resume': {
                    'invisible': ~Eval('on_hold', False),
                    'icon': 'yankomas-play',
                    'depends': ['on_hold'],
                    },
                'correct': {
                    'invisible': Eval('state').in_(list(INTAKE_STATES)),
                    'icon': 'tryton-launch',
                    'depends': ['state'],
                    },
                })
        cls.__rpc__.update({
                'verify_integrity': RPC(readonly=True),
                'act': RPC(readonly=False, instantiate=0),
                })

    @classmethod
    def __register__(cls, module):
        pool = Pool()
        Party = pool.get('party.party')
        complaint, party = cls.__table__(), Party.__table__()
        cursor = Transaction().connection.cursor()
        handler = cls.__table_handler__(module)
        named = handler.column_exist('complainant_name')
        tracked = handler.column_exist('integrity')
        coded = handler.column_exist('tracking_code')
        timed = handler.column_exist('current_deadline')
        super().__register__(module)
        Step = pool.get('yankomas.complaint.step')
        if not timed and backend.TableHandler.table_exist(Step._table):
            step = Step.__table__()
            cursor.execute(*complaint.update([complaint.current_deadline],
                    [step.select(step.deadline,
                            where=(step.complaint == complaint.id)
                            & (step.ended == Null))]))
        # The note of the step to come lived on the complaint until the
        # buttons carried their own (Complaint.transit).
        if handler.column_exist('note'):
            handler.drop_column('note')
        if not named:
            cursor.execute(*complaint.update([complaint.complainant_name],
                    [party.select(party.name,
                            where=party.id == complaint.complainant)]))
        if not tracked:
            # Every complaint before the integrity track was a service one.
            cursor.execute(*complaint.update(
                    [complaint.integrity], [False]))
        if not coded:
            cursor.execute(*complaint.select(complaint.id,
                    where=complaint.tracking_code == Null))
            for complaint_id, in cursor.fetchall():
                cursor.execute(*complaint.update(
                        [complaint.tracking_code], [tracking.generate()],
                        where=complaint.id == complaint_id))

    @staticmethod
    def default_company():
        return Transaction().context.get('company')

    @staticmethod
    def default_channel():
        return 'walk_in'

    @staticmethod
    def default_received():
        return clock.now()

    @staticmethod
    def default_state():
        return 'reception'

    @staticmethod
    def default_representation():
        return 'self'

    @staticmethod
    def default_anonymous():
        return False

    @fields.depends('anonymous', *IDENTITY_FIELDS)
    def on_change_anonymous(self):
        if self.anonymous:
            for name in IDENTITY_FIELDS:
                setattr(self, name, None)

    @classmethod
    def default_nationality(cls):
        Country = Pool().get('country.country')
        countries = Country.search([('code', '=', 'ID')], limit=1)
        return countries[0].id if countries else None

    @fields.depends('channel', 'category', 'id')
    def on_change_channel(self):
        if self.id is None or self.id < 0:
            self.state = first_state(self.channel,
                bool(self.category and self.category.integrity))

    @fields.depends(methods=['on_change_channel'])
    def on_change_category(self):
        self.on_change_channel()

    @fields.depends('category')
    def on_change_with_general(self, name=None):
        return bool(self.category and self.category.general)

    @fields.depends('complainant', 'phone', 'email', 'address')
    def on_change_complainant(self):
        party = self.complainant
        if not party:
            return
        # Only what the complaint would accept: a party's free-form contact
        # ("rumah: 0324 ...") is left for the officer to take down.
        if not self.phone:
            self.phone = next((p for p in [party.phone, party.mobile]
                    if p and identity.is_phone(p)), None)
        if not self.email and party.email and identity.is_email(party.email):
            self.email = party.email
        if not self.address and party.addresses:
            self.address = party.addresses[0].full_address

    @fields.depends('compensation_claimed', 'compensation_amount')
    def on_change_compensation_claimed(self):
        if not self.compensation_claimed:
            self.compensation_amount = None

    @fields.depends('id_type', 'id_number', 'nationality', 'id_country')
    def on_change_id_type(self):
        Country = Pool().get('country.country')
        if self.id_type == 'nik':
            indonesia = Country.search([('code', '=', 'ID')], limit=1)
            if indonesia:
                self.nationality, = indonesia
            self.id_country = None

    @fields.depends('id_type', 'id_number')
    def on_change_id_number(self):
        self.id_number = identity.compact(self.id_type, self.id_number)

    @classmethod
    def view_attributes(cls):
        return super().view_attributes() + [
            ('/tree', 'visual', If(Eval('overdue'), 'danger',
                    If(Eval('state').in_(['cancelled', 'withdrawn']), 'muted',
                        ''))),
            ('//page[@id="resolution"]', 'states', {
                    'invisible': ~Bool(Eval('resolution')),
                    }),
            ('//group[@id="identity"]', 'states', {
                    'invisible': Eval('anonymous', False),
                    }),
            ]

    def get_rec_name(self, name):
        return self.number or self.subject

    @classmethod
    def search_rec_name(cls, name, clause):
        _, operator, value = clause[:3]
        bool_op = 'AND' if operator.startswith('!') or operator.startswith(
            'not ') else 'OR'
        domain = [bool_op,
            ('number', operator, value),
            ('subject', operator, value),
            ]
        # The code a complainant quotes, however they type it.
        code = (tracking.normalise(value.strip('%'))
            if isinstance(value, str) else None)
        if code and operator in ('=', 'ilike', 'like'):
            domain.append(('tracking_code', '=', code))
        return domain

    @property
    def chain_complaint(self):
        return self

    @classmethod
    def chain_domain(cls, complaint_ids):
        return [('id', 'in', complaint_ids)]

    @classmethod
    def get_current_step(cls, complaints, names):
        Step = Pool().get('yankomas.complaint.step')
        result = {n: {c.id: None for c in complaints} for n in names}
        if 'on_hold' in result:
            result['on_hold'] = {c.id: False for c in complaints}
        steps = Step.search([
                ('complaint', 'in', [c.id for c in complaints]),
                ('ended', '=', None),
                ])
        for step in steps:
            cid = step.complaint.id
            if 'current_step' in result:
                result['current_step'][cid] = step.id
            if 'on_hold' in result:
                result['on_hold'][cid] = step.on_hold
        return result

    def get_overdue(self, name):
        Step = Pool().get('yankomas.complaint.step')
        return Step.is_overdue(None, self.current_deadline)

    @classmethod
    def search_overdue(cls, name, clause):
        "Open past the open step's deadline (Step.overdue_sql), by the index."
        _, operator, value = clause[:3]
        now = clock.now()
        if (operator == '=') == bool(value):
            return [('current_deadline', '<', now)]
        return ['OR',
            ('current_deadline', '=', None),
            ('current_deadline', '>=', now),
            ]

    def get_officer(self, name):
        for step in self.steps:
            if step.step == OFFICER_STEP:
                officer = step.user or step.assignee
                return officer.id if officer else None

    def get_my_task(self, name):
        return bool(self.current_step and self.current_step.mine)

    @classmethod
    def search_my_task(cls, name, clause):
        _, operator, value = clause[:3]
        where = 'where' if (operator == '=') == bool(value) else 'not where'
        return [('steps', where, [('mine', '=', True)])]

    def get_holds(self, name):
        return [h.id for s in self.steps for h in s.holds]

    def get_legal_deadline(self, name):
        """The answer is due from receipt; the decision from the moment the
        file was complete (the officer resolved or escalated it)."""
        Calendar = Pool().get('company.working_calendar')
        if not self.company or not self.received:
            return
        kind = name[:-len('_deadline')]
        start = self.received
        if kind == 'decision':
            start = next((s.ended for s in self.steps
                    if s.step == 'intake' and s.action in NEEDS_COMPLETE_FORM),
                None)
            if not start:
                return
        return Calendar.of(self.company).legal_deadline(start, kind)

    def get_level(self, name):
        return level_reached({s.step for s in self.steps})

    def get_count(self, name):
        return 1

    @classmethod
    def preprocess_values(cls, mode, values):
        values = super().preprocess_values(mode, values)
        # Before any SQL: types, characters, sizes (see bounds.py).
        bounds.check_values(cls, values)
        if values.get('id_number'):
            values['id_number'] = identity.compact(
                values.get('id_type'), values['id_number'])
        # The server takes the name down from the party, never a client.
        values.pop('complainant_name', None)
        if 'complainant' in values or mode == 'create':
            values['complainant_name'] = cls._name_of(
                values.get('complainant'))
        if mode == 'create':
            channel = values.get('channel', cls.default_channel())
            values['state'] = first_state(channel, values.get('integrity'))
            values['tracking_code'] = tracking.generate()
            cls._check_received(values, channel)
            # Numbered once stored (_number): a refused complaint takes none.
            values['number'] = None
        return values

    @staticmethod
    def _name_of(party_id):
        "The name of the party as the complaint keeps it."
        Party = Pool().get('party.party')
        if not isinstance(party_id, int) or party_id < 0:
            return None
        with without_check_access():
            parties = Party.search([('id', '=', party_id)])
        return parties[0].name if parties else None

    @classmethod
    def _check_received(cls, values, channel):
        """The receipt of a desk channel is the moment of entry; a letter,
        e-mail or LAPOR! report may be back-dated within the window of
        Configuration.backdate_days, with a reason, never to the future."""
        Configuration = Pool().get('yankomas.configuration')
        now = clock.now()
        received = values.get('received') or now
        if channel not in BACKDATED_CHANNELS:
            values['received'] = now
            values['received_reason'] = None
            return
        if not isinstance(received, dt.datetime):
            return  # the field's own validation names the error
        days = Configuration(1).backdate_days
        problem = received_problem(channel, received, now,
            dt.timedelta(days=days), values.get('received_reason'))
        if problem:
            raise ComplaintReceivedError(gettext(
                    'yankomas_complaint.msg_complaint_received_%s' % problem,
                    days=days))
        values['received'] = received

    @classmethod
    def _refuse_server_fields(cls, vlist):
        """A client creating a complaint may not give what the workflow
        writes (an outcome, a closing date, a number, a later state): the
        empty values and the first state, which a client sends as the
        defaults of its form, are let through."""
        integrity = cls.integrity_categories(
            [v.get('category') for v in vlist])
        for values in vlist:
            first = first_state(values.get('channel', cls.default_channel()),
                cls._in(values.get('category'), integrity))
            forged = sorted(name for name in SERVER_FIELDS & set(values)
                if values[name] and not (
                    name == 'state' and values[name] == first))
            if forged:
                labels = cls.fields_get(forged)
                raise AccessError(gettext(
                        'yankomas_complaint.msg_complaint_workflow_fields',
                        fields=', '.join(
                            labels[n]['string'] for n in forged)))

    @classmethod
    def _number(cls, complaints):
        """Number the stored complaints from their office's strict sequence:
        the register has no holes, and an error never names a number."""
        pool = Pool()
        Configuration = pool.get('yankomas.configuration')
        Sequence = pool.get('ir.sequence.strict')
        configuration = Configuration(1)
        sequences = []
        for complaint in complaints:
            company = complaint.company
            sequence = configuration.get_multivalue(
                'integrity_sequence' if complaint.integrity
                else 'complaint_sequence', company=company.id)
            if not sequence:
                raise ComplaintSequenceMissing(gettext(
                        'yankomas_complaint.msg_complaint_sequence_missing',
                        company=company.rec_name))
            sequences.append(sequence)
        register_queue.take(Sequence, sequences)
        for complaint, sequence in zip(complaints, sequences):
            company = complaint.company
            with Transaction().set_context(company=company.id):
                complaint.number = sequence.get()
        with without_check_access():
            cls.save(complaints)

    @classmethod
    def create(cls, vlist):
        pool = Pool()
        Step = pool.get('yankomas.complaint.step')
        Link = pool.get('yankomas.complaint.link')
        if Transaction().check_access:
            cls._refuse_server_fields(vlist)
        vlist = [v.copy() for v in vlist]
        cls._prepare_integrity(vlist)
        with Link.batched():
            complaints = super().create(vlist)
            steps = [Step.open(c, c.state, c.received) for c in complaints]
            for complaint, step in zip(complaints, steps):
                complaint.current_deadline = step.deadline
            cls._number(complaints)
            Step.save(steps)
        return complaints

    @classmethod
    def revised_fields(cls):
        "The fields whose changes after the intake are kept as revisions."
        return [n for n in cls.chain_fields() if n not in WORKFLOW_FIELDS]

    @classmethod
    @ModelView.button_action('yankomas_complaint.wizard_complaint_correct')
    def correct(cls, complaints):
        pass

    @classmethod
    def validate_fields(cls, complaints, field_names):
        super().validate_fields(complaints, field_names)
        cls._check_anonymous(complaints, field_names)
        cls._check_identity(complaints, field_names)
        if field_names and not (field_names & {'incident_time', 'received'}):
            return
        Calendar = Pool().get('company.working_calendar')
        for complaint in complaints:
            problem = bounds.incident_problem(
                complaint.incident_time, complaint.received)
            if problem:
                raise ComplaintIncidentError(gettext(
                        'yankomas_complaint.msg_complaint_incident_%s'
                        % problem, complaint=complaint.rec_name,
                        first=bounds.FIRST_INCIDENT.year,
                        received=Calendar.of(complaint.company).format_local(
                            complaint.received)))

    @classmethod
    def _check_anonymous(cls, complaints, field_names=None):
        """An anonymous complaint comes through a channel that allows it and
        holds no identity, not even an invented one."""
        if field_names and not (field_names & (
                    {'anonymous', 'channel'} | set(IDENTITY_FIELDS))):
            return
        for complaint in complaints:
            if not complaint.anonymous:
                continue
            if complaint.channel not in ANONYMOUS_CHANNELS:
                raise IdentityValidationError(gettext(
                        'yankomas_complaint.msg_complaint_anonymous_channel',
                        complaint=complaint.rec_name,
                        channel=complaint.channel_string))
            given = [n for n in IDENTITY_FIELDS if getattr(complaint, n)]
            if given:
                labels = cls.fields_get(given)
                raise IdentityValidationError(gettext(
                        'yankomas_complaint.msg_complaint_anonymous_identity',
                        complaint=complaint.rec_name,
                        fields=', '.join(labels[n]['string'] for n in given)))

    @classmethod
    def _check_identity(cls, complaints, field_names=None):
        if field_names and not (field_names & {
                    'id_type', 'id_number', 'email', 'phone',
                    'compensation_claimed', 'compensation_amount'}):
            return
        for complaint in complaints:
            number = complaint.id_number
            if number and not complaint.id_type:
                raise IdentityValidationError(gettext(
                        'yankomas_complaint.msg_complaint_id_type_missing',
                        number=number, complaint=complaint.rec_name))
            if number and not identity.is_valid(complaint.id_type, number):
                raise IdentityValidationError(gettext(
                        'yankomas_complaint.msg_complaint_%s_invalid'
                        % ('passport' if complaint.id_type == 'passport'
                            else 'nik'),
                        number=number, complaint=complaint.rec_name))
            if complaint.email and not identity.is_email(complaint.email):
                raise IdentityValidationError(gettext(
                        'yankomas_complaint.msg_complaint_email_invalid',
                        email=complaint.email, complaint=complaint.rec_name))
            if complaint.phone and not identity.is_phone(complaint.phone):
                raise IdentityValidationError(gettext(
                        'yankomas_complaint.msg_complaint_phone_invalid',
                        phone=complaint.phone, complaint=complaint.rec_name))
            if complaint.compensation_amount is None:
                continue
            if not complaint.compensation_claimed:
                raise IdentityValidationError(gettext(
                        'yankomas_complaint.msg_complaint_compensation_'
                        'unclaimed', complaint=complaint.rec_name))
            if complaint.compensation_amount < 0:
                raise IdentityValidationError(gettext(
                        'yankomas_complaint.msg_complaint_compensation_amount',
                        complaint=complaint.rec_name))

    def missing_form_fields(self):
        "Names of the fields the complaint form still lacks."
        if self.anonymous:
            # Nobody to ask again: what happened, where and when.
            required = ['category', 'description', 'incident_place',
                'incident_time']
            return [n for n in required if not getattr(self, n)]
        # UU 25/2009 art. 42: the loss and the resolution asked for are
        # part of the form; "tidak ada" is an answer, a blank is not.
        required = ['complainant', 'id_type', 'id_number', 'address',
            'category', 'description', 'loss', 'requested_resolution']
        if self.id_type == 'passport':
            required.append('id_country')
        if self.representation == 'representative':
            required += ['represented_name', 'power_of_attorney']
        return [n for n in required if not self._answered(n)]

    def _answered(self, name):
        value = getattr(self, name)
        return bool(value.strip()) if isinstance(value, str) else bool(value)

    @classmethod
    def _check_form_complete(cls, complaints):
        for complaint in complaints:
            missing = complaint.missing_form_fields()
            if missing:
                labels = cls.fields_get(missing)
                raise ComplaintIncomplete(gettext(
                        'yankomas_complaint.msg_complaint_incomplete',
                        complaint=complaint.rec_name,
                        fields=', '.join(
                            labels[n]['string'] for n in missing)))

    @classmethod
    def _check_note(cls, complaints, action, note):
        if not (note or '').strip():
            raise ComplaintNoteRequired(gettext(
                    'yankomas_complaint.msg_complaint_note_required',
                    action=cls._button_label(action),
                    complaint=complaints[0].rec_name))

    @classmethod
    def _check_referral(cls, complaints):
        for complaint in complaints:
            if not (complaint.referred_to or '').strip():
                raise ComplaintReferralAgency(gettext(
                        'yankomas_complaint.msg_complaint_referral_agency',
                        complaint=complaint.rec_name))

    @classmethod
    def _button_label(cls, action):
        Button = Pool().get('ir.model.button')
        buttons = Button.search([
                ('model', '=', cls.__name__),
                ('name', '=', action),
                ], limit=1)
        return buttons[0].string if buttons else action

    @classmethod
    def act(cls, complaints, action, note):
        """Do action (a button's name) with its note on the complaints in
        one call, with the rules, groups and refusals of its button; the
        state the caller saw is the one its call found (or the one of the
        context's _timestamp, as Tryton's clients send it). A referral's
        agency is the context's referred_to, else the complaint's."""
        if action not in ALL_BUTTONS:
            raise ComplaintActionUnknown(gettext(
                    'yankomas_complaint.msg_complaint_action_unknown',
                    action=action, actions=', '.join(ALL_BUTTONS)))
        if not isinstance(note, (str, type(None))):
            raise ComplaintNoteRequired(gettext(
                    'yankomas_complaint.msg_complaint_note_required',
                    action=cls._button_label(action),
                    complaint=complaints[0].rec_name if complaints else ''))
        cls.transit(complaints, action, note,
            referred_to=Transaction().context.get('referred_to'))

    @classmethod
    def transit(cls, complaints, action, note, seen=None, referred_to=None):
        """Do action with note on the complaints, one complaint's moves one
        at a time (its row locked): refused when a complaint is no longer at
        the step seen ({complaint id: step id}, by default the step open
        when the call began), naming who moved it and when."""
        if not complaints:
            return
        if seen is None:
            seen = {c.id: c.current_step.id if c.current_step else None
                for c in complaints}
        cls._check_seen(complaints, seen)
        try:
            serialise.lock(cls, [c.id for c in complaints])
        except serialise.Changed:
            # Moved by a transaction that committed while this one waited:
            # only a fresh one sees by whom.
            with Transaction().new_transaction(readonly=True):
                refusal = cls._moved_refusal(cls.browse(list(seen)), seen)
            if refusal:
                raise refusal
            raise backend.DatabaseOperationalError(
                "complaint changed concurrently")
        cls._button_checks[action](cls, complaints)
        Link = Pool().get('yankomas.complaint.link')
        with without_check_access(), Link.batched():
            if action == 'refer' and referred_to is not None:
                cls.write(complaints, {'referred_to': referred_to.strip()})
            cls._advance(complaints, action, note)

    @classmethod
    def _check_seen(cls, complaints, seen=None):
        """Refuse when a complaint moved on since it was seen: past the step
        of seen, or since the client's timestamp (Tryton's _timestamp, the
        version the client read)."""
        seen = seen or {}
        refusal = cls._moved_refusal(complaints, seen)
        if refusal:
            raise refusal
        timestamps = Transaction().timestamp or {}
        for complaint in complaints:
            key = '%s,%s' % (cls.__name__, complaint.id)
            if key in timestamps:
                step = cls._moved_since(complaint, timestamps[key])
                if step:
                    raise cls._refusal(complaint, step)

    @classmethod
    def _moved_refusal(cls, complaints, seen):
        "The refusal for the first complaint no longer at its step of seen."
        Step = Pool().get('yankomas.complaint.step')
        for complaint in complaints:
            if complaint.id not in seen:
                continue
            current = complaint.current_step
            if (current.id if current else None) != seen[complaint.id]:
                step = (Step(seen[complaint.id])
                    if seen[complaint.id] is not None else None)
                return cls._refusal(complaint, step)

    @classmethod
    def _moved_since(cls, complaint, timestamp):
        """The step of complaint closed after timestamp (the epoch seconds
        of the version a client read), if one was."""
        Step = Pool().get('yankomas.complaint.step')
        try:
            read = dt.datetime.fromtimestamp(
                float(timestamp), dt.timezone.utc).replace(tzinfo=None)
        except (TypeError, ValueError, OverflowError):
            return None
        # The epoch as a float (SQLite's keeps 15 digits) may fall a hair
        # before the version read; a move after the read is much later.
        read += dt.timedelta(milliseconds=1)
        steps = Step.search([
                ('complaint', '=', complaint.id),
                ('ended', '!=', None),
                ('write_date', '>', read),
                ], order=[('ended', 'DESC'), ('id', 'DESC')], limit=1)
        return steps[0] if steps else None

    @classmethod
    def _refusal(cls, complaint, step):
        "Why complaint cannot be acted on: step, seen open, was closed."
        Calendar = Pool().get('company.working_calendar')
        user = step.user if step and step.ended else None
        return ComplaintMoved(gettext(
                'yankomas_complaint.msg_complaint_moved',
                complaint=complaint.rec_name,
                user=user.rec_name if user else gettext(
                    'yankomas_complaint.msg_complaint_moved_server'),
                when=Calendar.of(complaint.company).format_local(step.ended)
                if step and step.ended else '',
                action=step.action_string if step and step.ended else '',
                state=complaint.state_string))

    @classmethod
    def _advance(cls, complaints, action, note=None):
        "Close the open step of each complaint and open the next one."
        pool = Pool()
        Step = pool.get('yankomas.complaint.step')
        target = ALL_ACTIONS[action][1]
        if action not in NOTE_OPTIONAL:
            cls._check_note(complaints, action, note)
        if action in NEEDS_COMPLETE_FORM:
            cls._check_form_complete(complaints)
        if action == 'refer':
            cls._check_referral(complaints)
        if action in INTEGRITY_NEEDS_COMPLETE:
            cls._check_report_complete(complaints)
        sources = ALL_ACTIONS[action][0]
        for complaint in complaints:
            if complaint.state not in sources:
                raise ComplaintMoved(gettext(
                        'yankomas_complaint.msg_complaint_action_state',
                        complaint=complaint.rec_name,
                        state=complaint.state_string,
                        action=cls._button_label(action)))
        note = (note or '').strip() or None
        now = clock.now()
        steps, opened = [], {}
        to_write = defaultdict(list)
        for complaint in complaints:
            current = complaint.current_step
            if current:
                current.close(action, note, now)
                steps.append(current)
            if target in ALL_STEP_ROLES:
                opened[complaint] = Step.open(complaint, target, now,
                    assignee=cls._assignee(complaint, target))
                steps.append(opened[complaint])
            step = opened.get(complaint)
            values = {
                'state': target,
                'current_deadline': step.deadline if step else None,
                }
            if action in SETS_RESOLUTION or target in INTEGRITY_FINAL_STATES:
                values['resolution'] = note
            if target in CLOSED_STATES:
                values['closed'] = now
            to_write[tuple(sorted(values.items()))].append(complaint)
        Step.save(steps)
        cls._handed_over(action, opened)
        args = []
        for values, records in to_write.items():
            args.extend((records, dict(values)))
        if args:
            cls.write(*args)

    @classmethod
    def _handed_over(cls, action, opened):
        """Called once action opened the steps {complaint: step}: the place
        for other modules to tell the people the complaints now reach."""

    @classmethod
    def _assignee(cls, complaint, step):
        "Who gets a step that comes back down to them: the one who sent it up."
        Step = Pool().get('yankomas.complaint.step')
        sender = {'resolution': 'intake', 'directed': 'subsection'}.get(step)
        if not sender:
            return None
        previous = Step.search([
                ('complaint', '=', complaint.id),
                ('step', '=', sender),
                ('user', '!=', None),
                ], order=[('started', 'DESC'), ('id', 'DESC')], limit=1)
        return previous[0].user if previous else None

    @classmethod
    @ModelView.button_action('yankomas_complaint.wizard_complaint_hold')
    def hold(cls, complaints):
        pass

    @classmethod
    def hold_steps(cls, complaints, kind, reason):
        Step = Pool().get('yankomas.complaint.step')
        now = clock.now()
        steps = [cls._step_to_act_on(c) for c in complaints]
        for step in steps:
            step.start_hold(kind, reason, now)
        Step.save(steps)
        cls._keep_deadlines(steps)

    @classmethod
    @ModelView.button
    def resume(cls, complaints):
        Step = Pool().get('yankomas.complaint.step')
        now = clock.now()
        steps = [cls._step_to_act_on(c) for c in complaints]
        for step in steps:
            step.end_hold(now)
        Step.save(steps)
        cls._keep_deadlines(steps)

    @classmethod
    def _keep_deadlines(cls, steps):
        "Copy the deadline of the open steps to their complaints."
        args = []
        for step in steps:
            args.extend(([step.complaint], {'current_deadline': step.deadline}))
        if args:
            with without_check_access():
                cls.write(*args)

    @classmethod
    def _step_to_act_on(cls, complaint):
        "The open step, if the user may act on it."
        step = complaint.current_step
        user = Transaction().user
        if not step:
            raise StepHoldError(gettext(
                    'yankomas_complaint.msg_step_not_open',
                    complaint=complaint.rec_name))
        if user and not responsible(step.role,
                step.assignee.id if step.assignee else None, user,
                user_roles()):
            raise StepHoldError(gettext(
                    'yankomas_complaint.msg_step_hold_role',
                    complaint=complaint.rec_name,
                    step=step.step_string))
        return step

    # The checks of each button, for the transitions asked otherwise.
    _button_checks = {action: _button_check(action) for action in ALL_BUTTONS}
    # One button per move of the SOP pipeline (see pipeline.BUTTONS).
    direct = _sop_button('direct')
    resolve = _sop_button('resolve')
    escalate = _sop_button('escalate')
    request_direction = _sop_button('request_direction')
    decide = _sop_button('decide')
    give_direction = _sop_button('give_direction')
    forward = _sop_button('forward')
    complete = _sop_button('complete')
    cancel = _sop_button('cancel')
    withdraw = _sop_button('withdraw')
    refer = _sop_button('refer')
    reject = _sop_button('reject')
    # The integrity track (see pipeline.INTEGRITY_BUTTONS).
    examine = _sop_button('examine')
    forward_itjen = _sop_button('forward_itjen')
    close_report = _sop_button('close_report')

    @classmethod
    def check_modification(cls, mode, complaints, values=None, external=False):
        super().check_modification(
            mode, complaints, values=values, external=external)
        if mode == 'write' and external:
            # Only the buttons move a complaint and write its outcome.
            locked = sorted(set(values) & WORKFLOW_FIELDS)
            if locked:
                labels = cls.fields_get(locked)
                raise AccessError(gettext(
                        'yankomas_complaint.msg_complaint_workflow_fields',
                        fields=', '.join(
                            labels[n]['string'] for n in locked)))
        if mode == 'write':
            cls._check_integrity_category(complaints, values)
        if (mode == 'write'
                and not Transaction().context.get(CORRECTION)):
            cls._check_open(complaints)
        if mode == 'delete':
            for complaint in complaints:
                raise AccessError(gettext(
                        'yankomas_complaint.msg_complaint_delete',
                        complaint=complaint.rec_name))

    @classmethod
    def _check_open(cls, complaints):
        "A closed complaint changes only through a correction."
        for complaint in complaints:
            if complaint.state in CLOSED_STATES:
                raise AccessError(gettext(
                        'yankomas_complaint.msg_complaint_closed',
                        complaint=complaint.rec_name))

    @classmethod
    def copy(cls, complaints, default=None):
        default = default.copy() if default is not None else {}
        for name in ('number', 'tracking_code', 'steps', 'resolution',
                'closed', 'revisions', 'referred_to', 'current_deadline'):
            default.setdefault(name, None)
        default.setdefault('received', clock.now())
        return super().copy(complaints, default=default)
