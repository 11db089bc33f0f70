"""Load the demo office into a database where the modules are activated.

    trytond-admin -c trytond.conf -d yankomas -u yankomas_board \
        yankomas_email yankomas_recap yankomas_reporting yankomas_privacy \
        --activate-dependencies -l id
    python tools/demo.py -c trytond.conf -d yankomas

Not part of any module: no production install needs it.

(`--all` alone only updates modules that are already activated.)

The complaints are replayed through the real workflow, each action done with
its note (Complaint.transit, what a button's dialog does) by the user of its
role with their access rights, at instants in the past so that the history
and the overdue steps look like a working office.
"""
import argparse
import datetime as dt
import sys
from contextlib import contextmanager

from company_working_calendar import clock
from demo_data import (
    ACTORS, COMPLAINTS, EMAIL_DOMAIN, INTEGRITY_PREFIX, LETTERHEAD, OFFICE,
    OFFICE_ADDRESS, OFFICE_PHONE, OFFICE_PREFIX, PASSWORD, USERS)

# A 1×1 PNG: the screenshot a demo report comes with as its evidence.
EVIDENCE = (b'\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01'
    b'\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde\x00\x00\x00'
    b'\x0cIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00'
    b'\x00\x00\x00IEND\xaeB`\x82')

COUNTRIES = {
    'ID': "Indonesia", 'OM': "Oman", 'CN': "China", 'KR': "Korea, Republic of",
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('-c', '--config', dest='config', required=True)
    parser.add_argument('-d', '--database', dest='database', required=True)
    args = parser.parse_args(argv)

    from trytond import config
    config.update_etc(args.config)
    from trytond.pool import Pool
    from trytond.transaction import Transaction
    Pool.start()
    pool = Pool(args.database)
    pool.init()
    with Transaction().start(args.database, 0) as transaction:
        if pool.get('company.company').search(
                [('party.name', '=', OFFICE)], limit=1):
            print("The demo office is already loaded.")
            return 0
        load(pool)
        transaction.commit()
    print("Demo office loaded.")
    return 0


def load(pool):
    _done_config_wizard(pool)
    countries = _countries(pool)
    company = _office(pool)
    users = _users(pool, company)
    print("Office, sequence and %d users created." % len(users))
    _complaints(pool, company, users, countries)
    _recap(pool, company, users)


def _done_config_wizard(pool):
    Item = pool.get('ir.module.config_wizard.item')
    Item.write(Item.search([]), {'state': 'done'})


def _countries(pool):
    Country = pool.get('country.country')
    existing = {c.code: c for c in Country.search(
            [('code', 'in', list(COUNTRIES))])}
    new = [Country(code=code, name=name)
        for code, name in COUNTRIES.items() if code not in existing]
    Country.save(new)
    existing.update({c.code: c for c in new})
    return existing


def _office(pool):
    from trytond.transaction import Transaction
    Currency = pool.get('currency.currency')
    Party = pool.get('party.party')
    Company = pool.get('company.company')
    Sequence = pool.get('ir.sequence.strict')
    ModelData = pool.get('ir.model.data')
    ConfigurationSequence = pool.get('yankomas.configuration.sequence')

    currencies = Currency.search([('code', '=', 'IDR')], limit=1)
    if currencies:
        currency, = currencies
    else:
        currency = Currency(name="Rupiah", code='IDR', symbol="Rp",
            rounding=1, digits=0)
        currency.save()
    party = Party(name=OFFICE, addresses=[OFFICE_ADDRESS],
        contact_mechanisms=[
            {'type': 'phone', 'value': OFFICE_PHONE},
            {'type': 'email', 'value': 'yankomas@%s' % EMAIL_DOMAIN},
            ])
    party.save()
    company = Company(party=party, currency=currency, timezone='Asia/Jakarta')
    company.save()
    for language, values in LETTERHEAD.items():
        with Transaction().set_context(language=language):
            Company.write([company], values)
    complaints, reports = Sequence.create([{
                'name': "%s %s" % (name, OFFICE), 'company': company.id,
                'sequence_type': ModelData.get_id(
                    'yankomas_complaint', 'sequence_type_complaint'),
                'prefix': prefix, 'padding': 5,
                } for name, prefix in [("Pengaduan", OFFICE_PREFIX),
                ("Laporan Integritas", INTEGRITY_PREFIX)]])
    ConfigurationSequence(
        company=company, complaint_sequence=complaints,
        integrity_sequence=reports).save()
    return company


def _qualified(group):
    "(module, XML id) of a group named with or without its module."
    module, _, name = group.rpartition('.')
    return module or 'yankomas_complaint', name


def _users(pool, company):
    User = pool.get('res.user')
    Lang = pool.get('ir.lang')
    Employee = pool.get('company.employee')
    Party = pool.get('party.party')
    ModelData = pool.get('ir.model.data')
    Identifier = pool.get('party.identifier')

    lang, = Lang.search([('code', '=', 'id')])
    users = {}
    for login, (name, group, nip) in USERS.items():
        party = Party(name=name)
        party.save()
        Identifier(party=party, type=None, code=nip).save()
        employee = Employee(party=party, company=company)
        employee.save()
        user = User(
            login=login, name=name, password=PASSWORD, language=lang,
            email='%s@%s' % (login, EMAIL_DOMAIN),
            companies=[company], company=company,
            employees=[employee], employee=employee,
            groups=[ModelData.get_id(*_qualified(group))])
        user.save()
        users[login] = user
    admin, = User.search([('login', '=', 'admin')])
    admin.password = PASSWORD
    admin.email = 'admin@%s' % EMAIL_DOMAIN
    admin.language = lang
    admin.companies = [company]
    admin.company = company
    # The working calendars' job tells its subscribers when holidays run out.
    admin.notifications = ['company.working_calendar|upkeep']
    admin.save()
    return users


@contextmanager
def acting_as(pool, user, at):
    "Act as user, with their rights, at the instant at."
    from trytond.transaction import Transaction
    User = pool.get('res.user')
    with Transaction().set_user(user.id):
        context = User.get_preferences(context_only=True)
    with Transaction().set_user(user.id), \
            Transaction().set_context(context, _check_access=True), \
            clock.frozen(at):
        yield


# The share of a week's hours the office is open (37.5 of 168).
WORKING_SHARE = 37.5 / 168


def _received_at(engine, now, hours_ago):
    """The working instant that many clock hours ago, in proportion: the
    office receives visitors only while it is open."""
    target = dt.timedelta(hours=hours_ago * WORKING_SHARE)
    low, high = now - dt.timedelta(days=90), now
    while high - low > dt.timedelta(seconds=1):
        middle = low + (high - low) / 2
        if engine.elapsed(middle, now) > target:
            low = middle
        else:
            high = middle
    return engine.deadline(high, dt.timedelta(seconds=1)).replace(
        microsecond=0)


def _identity(Party, countries, data):
    "The complainant of a demo complaint, as the form takes it down."
    name, id_type, id_number, nationality, phone, address = data['who']
    party = Party(name=name)
    party.save()
    return dict(
        complainant=party.id, id_type=id_type, id_number=id_number,
        nationality=countries[nationality].id, phone=phone or None,
        address=address or None,
        confidential=data.get('confidential', False))


def _complaints(pool, company, users, countries):
    Complaint = pool.get('yankomas.complaint')
    Category = pool.get('yankomas.complaint.category')
    Calendar = pool.get('company.working_calendar')
    Party = pool.get('party.party')
    Attachment = pool.get('ir.attachment')
    categories = {c.code: c for c in Category.search([])}
    engine = Calendar.of(company).engine()
    now = clock.now()
    total = len(COMPLAINTS)
    for i, data in enumerate(
            sorted(COMPLAINTS, key=lambda d: -d['ago']), 1):
        at = _received_at(engine, now, data['ago'])
        creator = users['pengawas' if categories[data['category']].integrity
            else 'duta' if data['channel'] == 'walk_in' else 'petugas']
        values = dict(
            company=company.id, channel=data['channel'], received=at,
            category=categories[data['category']].id,
            subject=data['subject'], description=data['description'] or None,
            loss=data['loss'],
            requested_resolution=data['requested_resolution'])
        if data.get('anonymous'):
            # No identity at all: where and when stand for it.
            values.update(anonymous=True, nationality=None,
                incident_place=data['place'],
                incident_time=at - dt.timedelta(days=2))
        else:
            values.update(_identity(Party, countries, data))
        id_type = values.get('id_type')
        nationality = data['who'][3] if data['who'] else None
        if id_type == 'passport':
            values['id_country'] = countries[nationality].id
            values['service'] = 'stay_permit'
        if data.get('reported'):
            values['reported_party'] = data['reported']
        if data.get('representative'):
            values['representation'] = 'representative'
            (values['represented_name'],
                values['power_of_attorney']) = data['representative']
        with acting_as(pool, creator, at):
            complaint, = Complaint.create([values])
            if data.get('evidence'):
                Attachment.create([{'name': data['evidence'],
                            'resource': str(complaint), 'data': EVIDENCE}])
        for button, minutes, note in data['path']:
            at = engine.deadline(at, dt.timedelta(minutes=minutes))
            if at > now:
                break
            with acting_as(pool, users[ACTORS[button]], at):
                # The button's action with its note, as its dialog does it.
                Complaint.transit([Complaint(complaint.id)], button, note)
        complaint = Complaint(complaint.id)
        print("[%2d/%d] %s  %-10s  %s" % (
                i, total, complaint.number, complaint.state,
                complaint.subject), flush=True)


def _recap(pool, company, users):
    """A draft recap of this month up to yesterday, for the officer to
    submit (made as the wizard does: the officer may not create one
    directly)."""
    from trytond.transaction import Transaction
    Recap = pool.get('yankomas.recap')
    Calendar = pool.get('company.working_calendar')
    # Up to yesterday: a recap is submitted once its period is over.
    today = Calendar.of(company).today()
    last = today - dt.timedelta(days=1)
    first = last.replace(day=1)
    with Transaction().set_user(users['petugas'].id):
        recap, = Recap.create([{
                    'company': company.id, 'period': 'custom',
                    'from_date': first, 'to_date': last,
                    'conclusions': (
                        "Sebagian besar pengaduan selesai di loket. "
                        "Percepat tindak lanjut pengaduan yang dieskalasi."),
                    }])
        Recap.compute([recap])
    print("Recap %s of %s drafted." % (recap.number, last.strftime('%m/%Y')))


if __name__ == '__main__':
    sys.exit(main())
