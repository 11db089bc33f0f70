from trytond.modules.company.tests import CompanyTestMixin
from trytond.pool import Pool
from trytond.tests.test_tryton import ModuleTestCase, with_transaction

from yankomas_complaint.pipeline import (
    ALL_STEP_ROLES, BUTTON_ROLES, INTEGRITY_BUTTON_ROLES, INTEGRITY_STEPS,
    LEVEL_STEPS, LEVELS, STEPS, level_reached)

from .checks import assert_button_roles

# The first bytes of a file of each evidence type.
EVIDENCE_SAMPLES = {
    'pdf': b'%PDF-1.7\n',
    'jpeg': b'\xff\xd8\xff\xdb' + bytes(20),
    'png': b'\x89PNG\r\n\x1a\n' + bytes(20),
    'tiff': b'II*\x00\x08\x00\x00\x00' + bytes(20),
    'heic': b'\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic' + bytes(20),
    'mp3': b'ID3\x04' + bytes(20),
    'm4a': b'\x00\x00\x00\x18ftypM4A \x00\x00\x00\x00M4A isom' + bytes(20),
    'aac': b'\xff\xf1\x50\x80' + bytes(20),
    'wav': b'RIFF\x24\x00\x00\x00WAVEfmt ' + bytes(20),
    'ogg': b'OggS\x00\x02' + bytes(20),
    'amr': b'#!AMR\n' + bytes(20),
    'mp4': b'\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2' + bytes(20),
    'webm': (b'\x1aE\xdf\xa3\x9fB\x86\x81\x01B\xf7\x81\x01B\xf2\x81\x04'
        b'B\xf3\x81\x08B\x82\x84webmB\x87\x81\x04' + bytes(20)),
    'mov': b'\x00\x00\x00\x14ftypqt  \x00\x00\x02\x00qt  ' + bytes(20),
    '3gp': b'\x00\x00\x00\x14ftyp3gp4\x00\x00\x00\x00isom3gp4' + bytes(20),
    }


class YankomasComplaintTestCase(CompanyTestMixin, ModuleTestCase):
    "Test Yankomas Complaint module"
    module = 'yankomas_complaint'

    @property
    def _skip_company_rule(self):
        # Time standards without an office are the default of every office.
        return super()._skip_company_rule | {
            ('yankomas.time_standard', 'company'),
            }

    @with_transaction()
    def test_button_groups_follow_the_pipeline(self):
        "The groups of each SOP button are those of pipeline.BUTTON_ROLES"
        assert_button_roles(self, 'yankomas.complaint', BUTTON_ROLES)
        assert_button_roles(
            self, 'yankomas.complaint', INTEGRITY_BUTTON_ROLES)

    @with_transaction()
    def test_tracking_code_searched_by_index(self):
        "The tracking code is searched as it is indexed"
        # Tryton searches a Char that is not required as COALESCE(col, ''):
        # an index of the bare column does not serve the public look-up.
        from sql import Column
        from trytond.model import Index
        Complaint = Pool().get('yankomas.complaint')
        field = Complaint.tracking_code

        def searched(index):
            column = field._domain_column(
                '=', Column(index.table, 'tracking_code'))
            return any(isinstance(usage, Index.Equality)
                and (str(e), e.params) == (str(column), column.params)
                for e, usage in index.expressions[:1])
        self.assertTrue(any(searched(i) for i in Complaint._sql_indexes))

    @with_transaction()
    def test_identifier_types_offered(self):
        "A party's identifier is an NPWP unless the admin allows others"
        Identifier = Pool().get('party.identifier')
        self.assertEqual(
            [k for k, _ in Identifier.get_types()], [None, 'id_vat'])

    @with_transaction()
    def test_selections_follow_the_pipeline(self):
        "The step, role and level selections are the pipeline's"
        from trytond.pool import Pool
        pool = Pool()
        Step = pool.get('yankomas.complaint.step')
        Complaint = pool.get('yankomas.complaint')
        self.assertEqual(
            [k for k, _ in Step.fields_get(['step'])['step']['selection']],
            list(STEPS + INTEGRITY_STEPS))
        roles = {k for k, _ in Step.fields_get(['role'])['role']['selection']}
        self.assertLessEqual(set(ALL_STEP_ROLES.values()), roles)
        self.assertEqual(
            [k for k, _ in Complaint.fields_get(['level'])['level'][
                    'selection']], list(LEVELS))
        for level, steps in LEVEL_STEPS.items():
            for step in steps:
                self.assertEqual(level_reached({step}), level)

    def test_evidence_types_judged_from_content(self):
        "Each evidence type is recognised from the first bytes of its files"
        from yankomas_complaint.attachment import (
            EVIDENCE_TYPES, KIND_OF_MIME, detect)
        self.assertEqual(set(EVIDENCE_SAMPLES), set(EVIDENCE_TYPES))
        for kind, content in EVIDENCE_SAMPLES.items():
            with self.subTest(kind=kind):
                self.assertEqual(KIND_OF_MIME.get(detect(content)), kind)
        for content in [b'', None, b'plain text', b'MZ\x90\x00' + bytes(60),
                b'PK\x03\x04' + bytes(60), b'\x7fELF' + bytes(60)]:
            with self.subTest(content=content):
                self.assertNotIn(detect(content), KIND_OF_MIME)

    def test_evidence_name_fits_its_type(self):
        "A file name must end as its content's type does"
        from yankomas_complaint.attachment import name_fits
        self.assertTrue(name_fits("KTP Rina.JPG", 'jpeg'))
        self.assertTrue(name_fits("scan.2026.jpeg", 'jpeg'))
        self.assertTrue(name_fits("rekaman.mp3", 'mp3'))
        for name in ["ktp.pdf", "ktp.jpg.exe", "ktp", "ktp.", "", None]:
            with self.subTest(name=name):
                self.assertFalse(name_fits(name, 'jpeg'))

    @with_transaction()
    def test_evidence_size_as_people_read_it(self):
        "Sizes in B, KiB, MiB and GiB with the reader's decimal point"
        from trytond.pool import Pool

        from yankomas_complaint.attachment import MIB, format_size
        Lang = Pool().get('ir.lang')
        english, indonesian = Lang.get('en'), Lang.get('id')
        for size, text in [
                (0, '0 B'), (1023, '1023 B'), (1024, '1.0 KiB'),
                (1536, '1.5 KiB'), (25 * MIB, '25.0 MiB'),
                (int(2.25 * 1024 * MIB), '2.2 GiB')]:
            with self.subTest(size=size):
                self.assertEqual(format_size(size, english), text)
        self.assertEqual(format_size(1536, indonesian), '1,5 KiB')
        self.assertEqual(format_size(None, english), '')

    @with_transaction()
    def test_bad_values_refused(self):
        "What does not fit a complaint is refused, before or after SQL"
        import datetime as dt
        from decimal import Decimal

        from trytond.model.exceptions import (
            RequiredValidationError, ValidationError)
        from trytond.modules.company.tests import create_company, set_company
        from trytond.pool import Pool

        from yankomas_complaint.bounds import SIZES
        from yankomas_complaint.exceptions import (
            ComplaintIncidentError, ComplaintReceivedError, FieldValueError,
            IdentityValidationError)

        pool = Pool()
        Complaint = pool.get('yankomas.complaint')
        Party = pool.get('party.party')
        company = create_company()
        with set_company(company):
            party = Party(name="Pengadu")
            party.save()
            base = {
                'channel': 'phone', 'subject': "Antrean paspor",
                'complainant': party.id}
            now = dt.datetime.now().replace(microsecond=0)
            # Refused before any SQL: nothing is written.
            before_sql = [
                {'subject': "Antrean\x00paspor"},
                {'description': "Kronologi\x00"},
                {'address': "Jl. \x1b[31mJokotole"},
                {'subject': "Antrean\u2028paspor"},
                {'subject': "\ud800"},
                {'subject': 42},
                {'subject': {'id': 1}},
                {'description': ['a']},
                {'incident_time': '2026-04-01 09:00'},
                {'incident_time': dt.date(2026, 4, 1)},
                {'compensation_amount': 'banyak'},
                {'compensation_amount': Decimal('NaN')},
                {'compensation_claimed': True,
                    'compensation_amount': Decimal('1E+20')},
                {'compensation_claimed': True,
                    'compensation_amount': Decimal('1.5')},
                {'compensation_claimed': 'ya'},
                {'complainant': [party.id]},
                {'complainant': 2 ** 40},
                {'category': -1},
                {'channel': 'fax'},
                {'id_type': ['nik']},
                {'subject': "x" * (SIZES['subject'] + 1)},
                {'description': "x" * (SIZES['description'] + 1)},
                {'phone': "0" * (SIZES['phone'] + 1)},
                {'no_such_field': 1},
                {'overdue': True},
                ]
            for values in before_sql:
                with self.subTest(values=repr(values)[:80]):
                    with self.assertRaises(FieldValueError):
                        Complaint.create([dict(base, **values)])
            self.assertEqual(Complaint.search_count([]), 0)

            complaint, = Complaint.create([dict(base)])
            for values in before_sql:
                if 'channel' in values:  # the workflow's: refused anyway
                    continue
                with self.subTest(write=repr(values)[:80]):
                    with self.assertRaises(FieldValueError):
                        Complaint.write([complaint], values)
            complaint = Complaint(complaint.id)
            self.assertEqual(complaint.subject, "Antrean paspor")
            self.assertIsNone(complaint.description)

            # Refused by the complaint's own checks once written; the
            # transaction (an RPC call) is rolled back with the error.
            after_sql = [
                ({'id_number': '3528014107900001'}, IdentityValidationError),
                ({'phone': 'telepon saya'}, IdentityValidationError),
                ({'phone': '12345'}, IdentityValidationError),
                ({'compensation_amount': Decimal(150000)},
                    IdentityValidationError),
                ({'compensation_claimed': True,
                        'compensation_amount': Decimal(-1)},
                    IdentityValidationError),
                ({'incident_time': now + dt.timedelta(days=1)},
                    ComplaintIncidentError),
                ({'incident_time': dt.datetime(9999, 12, 31, 23, 59, 59)},
                    ComplaintIncidentError),
                ({'incident_time': dt.datetime(1, 1, 1)},
                    ComplaintIncidentError),
                ({'incident_time': dt.datetime(1899, 12, 31)},
                    ComplaintIncidentError),
                ({'subject': ''}, RequiredValidationError),
                ({'subject': '   '}, RequiredValidationError),
                ]
            for values, exception in after_sql:
                with self.subTest(values=values):
                    with self.assertRaises(exception):
                        Complaint.create([dict(base, **values)])
            for received in [dt.datetime(1, 1, 1),
                    dt.datetime(9999, 12, 31, 23, 59, 59)]:
                with self.assertRaises(ComplaintReceivedError):
                    Complaint.create([dict(base, channel='letter',
                                received=received, received_reason="Surat")])
            # The same checks guard a write.
            with self.assertRaises(ValidationError):
                Complaint.write([complaint], {'phone': 'telepon saya'})

            # What fits is kept.
            good, = Complaint.create([dict(base,
                        phone='+62 812-3456-7801', id_type='nik',
                        id_number='3528 0141 0790 0001',
                        incident_time=now - dt.timedelta(days=2),
                        compensation_claimed=True,
                        compensation_amount=Decimal(150000),
                        subject="x" * SIZES['subject'],
                        description="Baris satu\n\tBaris dua\r\n")])
            self.assertEqual(good.id_number, '3528014107900001')
            self.assertEqual(good.description, "Baris satu\n\tBaris dua\r\n")


del ModuleTestCase
