"""Evidence: the files attached to a complaint (scanned forms, photos, audio
and video recordings).

A piece of evidence is an ``ir.attachment`` whose resource is a complaint,
its bytes in Tryton's filestore. What it is rests on these stored fields:
``name``, ``sha256`` (of the bytes, computed by the server when the file is
stored), ``content_type`` (judged from the bytes), the file's size
(``data_size``), ``resource``, ``create_uid`` and ``create_date``.

Each office chooses the types it accepts and a size limit
(``yankomas.configuration``); a piece of evidence can no longer be removed,
replaced or renamed once the complaint's intake is closed, except by a
correction (the server sets the context key CORRECTION, which an RPC
client cannot send: trytond strips the keys beginning with "_").
"""
import hashlib

import filetype

from trytond.filestore import filestore
from trytond.i18n import gettext
from trytond.model import Model, fields
from trytond.pool import Pool, PoolMeta
from trytond.pyson import Eval
from trytond.transaction import Transaction, without_check_access

from .exceptions import EvidenceError, EvidenceLocked
from .link import ChainedMixin
from .pipeline import INTAKE_STATES
from .revision import CORRECTION

# kind: (label, MIME type as filetype names it, endings of the file name)
EVIDENCE_TYPES = {
    'pdf': ("PDF document", 'application/pdf', ('pdf',)),
    'jpeg': ("JPEG image", 'image/jpeg', ('jpg', 'jpeg', 'jpe', 'jfif')),
    'png': ("PNG image", 'image/png', ('png',)),
    'tiff': ("TIFF image", 'image/tiff', ('tif', 'tiff')),
    'heic': ("HEIC image", 'image/heic', ('heic', 'heif')),
    'mp3': ("MP3 audio", 'audio/mpeg', ('mp3',)),
    'm4a': ("M4A audio", 'audio/mp4', ('m4a',)),
    'aac': ("AAC audio", 'audio/aac', ('aac',)),
    'wav': ("WAV audio", 'audio/x-wav', ('wav',)),
    'ogg': ("Ogg audio", 'audio/ogg', ('ogg', 'oga', 'opus')),
    'amr': ("AMR audio", 'audio/amr', ('amr',)),
    'mp4': ("MP4 video", 'video/mp4', ('mp4',)),
    'webm': ("WebM video", 'video/webm', ('webm',)),
    'mov': ("QuickTime video", 'video/quicktime', ('mov',)),
    '3gp': ("3GP video", 'video/3gpp', ('3gp',)),
    }
EVIDENCE_SELECTION = [(k, label) for k, (label, _, _) in EVIDENCE_TYPES.items()]
KIND_OF_MIME = {mime: k for k, (_, mime, _) in EVIDENCE_TYPES.items()}
# What a new office accepts: documents, photos and the usual recordings.
DEFAULT_TYPES = ('pdf', 'jpeg', 'png', 'mp3', 'm4a', 'wav', 'ogg', 'mp4',
    'webm')
DEFAULT_SIZE_LIMIT = 25  # MiB
MIB = 1024 * 1024
# The fields that make a piece of evidence what it is.
FILE_FIELDS = {'name', 'type', 'link', 'data', 'file_id', 'resource'}


def sha256(content):
    "The hex SHA-256 of content (bytes), None for no content."
    return hashlib.sha256(content).hexdigest() if content else None


def detect(content):
    "The MIME type of content judged from its first bytes, or None."
    if not content:
        return None
    head = bytearray(content[:8192])
    # filetype 1.2 looks for the brand of a 3GP at the wrong offset.
    if head[4:11] == b'ftyp3gp':
        return 'video/3gpp'
    kind = filetype.guess(head)
    return kind.mime if kind else None


def name_fits(name, kind):
    "The file name ends as a file of kind does."
    ending = (name or '').rsplit('.', 1)[-1].lower() if '.' in (
        name or '') else ''
    return ending in EVIDENCE_TYPES[kind][2]


def format_size(size, lang=None):
    "size in bytes as people read it: 512 B, 1.5 KiB, 24.8 MiB."
    if size is None:
        return ''
    if lang is None:
        lang = Pool().get('ir.lang').get()
    if size < 1024:
        return '%d B' % size
    value = float(size)
    for unit in ('KiB', 'MiB', 'GiB', 'TiB'):
        value /= 1024
        if value < 1024 or unit == 'TiB':
            break
    return '%s %s' % (lang.format('%.1f', value), unit)


def complaint_of(resource):
    "The complaint resource names (a record, 'model,id' or a pair), or None."
    if isinstance(resource, Model):
        name, id_ = resource.__name__, resource.id
    elif isinstance(resource, str) and ',' in resource:
        name, id_ = resource.split(',', 1)
    elif isinstance(resource, (list, tuple)) and len(resource) == 2:
        name, id_ = resource
    else:
        return None
    if name != 'yankomas.complaint':
        return None
    try:
        id_ = int(id_)
    except (TypeError, ValueError):
        return None
    Complaint = Pool().get('yankomas.complaint')
    with without_check_access():
        complaints = Complaint.search([('id', '=', id_)]) if id_ >= 0 else []
    return complaints[0] if complaints else None


class Attachment(ChainedMixin, metaclass=PoolMeta):
    __name__ = 'ir.attachment'

    sha256 = fields.Char(
        "SHA-256", size=64, readonly=True,
        states={'invisible': ~Eval('sha256')},
        help="The fingerprint of the file, computed by the server when it "
        "was stored: any change to the file changes it.")
    content_type = fields.Char(
        "Content Type", readonly=True,
        states={'invisible': ~Eval('content_type')},
        help="The type of the file judged from its content, not its name.")
    evidence_type = fields.Function(fields.Selection(
            [(None, "")] + EVIDENCE_SELECTION, "Evidence Type"),
        'get_evidence_type')
    evidence_type_string = evidence_type.translated('evidence_type')

    def get_evidence_type(self, name):
        return KIND_OF_MIME.get(self.content_type)

    @property
    def chain_complaint(self):
        return complaint_of(self.resource)

    @classmethod
    def chain_domain(cls, complaint_ids):
        return [('resource', 'in',
                ['yankomas.complaint,%d' % i for i in complaint_ids])]

    def chain_check(self):
        "The stored file must still give the SHA-256 kept with it."
        if self.type == 'data' and self.sha256:
            content = self._stored_content(self.file_id) if self.file_id \
                else None
            if sha256(content) != self.sha256:
                return [('file', self.__name__, self.id, [])]
        return []

    @classmethod
    def evidence_of(cls, complaint):
        "The evidence of complaint, in the order it was stored."
        return cls.search([
                ('resource', '=', str(complaint)),
                ], order=[('create_date', 'ASC'), ('id', 'ASC')])

    @classmethod
    def _stored_content(cls, file_id):
        "The bytes of the stored file file_id, None when it cannot be read."
        field = cls._fields['data']
        prefix = field.store_prefix
        if prefix is None:
            prefix = Transaction().database.name
        try:
            return filestore.get(file_id, prefix=prefix)
        except (IOError, OSError, ValueError):
            return None

    @classmethod
    def _given_content(cls, values):
        """Whether values set the file, and its bytes: the data given, else
        the stored file a file_id names (a copy, or a client pointing a
        record at another file)."""
        if 'data' in values:
            data = values['data']
            return True, fields.Binary.cast(data) if data else None
        if 'file_id' in values:
            file_id = values['file_id']
            return True, cls._stored_content(file_id) if file_id else None
        return False, None

    @classmethod
    def preprocess_values(cls, mode, values):
        "The server computes sha256 and content_type; a client cannot."
        values = super().preprocess_values(mode, values)
        values.pop('sha256', None)
        values.pop('content_type', None)
        given, content = cls._given_content(values)
        if given:
            values['sha256'] = sha256(content)
            values['content_type'] = detect(content)
        if mode == 'create':
            complaint = complaint_of(
                values.get('resource', cls.default_resource()))
            if complaint:
                # Before the file is stored: a refused file leaves nothing.
                cls._check_evidence(complaint,
                    name=values.get('name'),
                    type_=values.get('type', cls.default_type()),
                    content_type=values.get('content_type'),
                    size=len(content) if content else 0)
        return values

    @classmethod
    def check_modification(cls, mode, records, values=None, external=False):
        super().check_modification(
            mode, records, values=values, external=external)
        if mode == 'delete' or (
                mode == 'write' and set(values) & FILE_FIELDS):
            cls._check_locked(records, mode)
        if mode == 'write' and 'resource' in values:
            cls._check_not_moved(records, values['resource'])
        if mode == 'write' and set(values) & FILE_FIELDS:
            given, content = cls._given_content(values)
            for record in records:
                complaint = complaint_of(values['resource']
                    if 'resource' in values else record.resource)
                if not complaint:
                    continue
                cls._check_evidence(complaint,
                    name=values.get('name', record.name),
                    type_=values.get('type', record.type),
                    content_type=(detect(content) if given
                        else record.content_type),
                    size=((len(content) if content else 0) if given
                        else record.data_size))

    @classmethod
    def _check_not_moved(cls, records, resource):
        """A complaint's evidence stays with it: moved, it would leave its
        last link in the first complaint's chain."""
        target = complaint_of(resource)
        for record in records:
            complaint = complaint_of(record.resource)
            if complaint and complaint != target:
                raise EvidenceLocked(gettext(
                        'yankomas_complaint.msg_evidence_moved',
                        name=record.name, complaint=complaint.rec_name))

    @classmethod
    def _check_locked(cls, records, mode):
        """Evidence stays as it is once the complaint's intake is closed,
        except through a correction."""
        if Transaction().context.get(CORRECTION):
            return
        for record in records:
            complaint = complaint_of(record.resource)
            if complaint and complaint.state not in INTAKE_STATES:
                raise EvidenceLocked(gettext(
                        'yankomas_complaint.msg_evidence_locked_%s' % mode,
                        name=record.name, complaint=complaint.rec_name))

    @classmethod
    def _check_evidence(cls, complaint, name, type_, content_type, size):
        "Refuse what the complaint's office does not keep as evidence."
        pool = Pool()
        Configuration = pool.get('yankomas.configuration')
        configuration = Configuration(1)
        office = complaint.company
        args = {
            'name': name or '',
            'complaint': complaint.rec_name,
            'office': office.rec_name,
            }
        if type_ != 'data':
            raise EvidenceError(gettext(
                    'yankomas_complaint.msg_evidence_link', **args))
        if not size:
            raise EvidenceError(gettext(
                    'yankomas_complaint.msg_evidence_empty', **args))
        labels = dict(cls.fields_get(
                ['evidence_type'])['evidence_type']['selection'])
        allowed = configuration.get_multivalue(
            'evidence_types', company=office.id) or ()
        args['types'] = ', '.join(labels[k] for k in EVIDENCE_TYPES
            if k in allowed)
        kind = KIND_OF_MIME.get(content_type)
        if not kind:
            raise EvidenceError(gettext(
                    'yankomas_complaint.msg_evidence_type_unknown', **args))
        args['type'] = labels[kind]
        if kind not in allowed:
            raise EvidenceError(gettext(
                    'yankomas_complaint.msg_evidence_type_refused', **args))
        if not name_fits(name, kind):
            raise EvidenceError(gettext(
                    'yankomas_complaint.msg_evidence_name',
                    endings=', '.join(
                        '.' + e for e in EVIDENCE_TYPES[kind][2]),
                    **args))
        limit = configuration.get_multivalue(
            'evidence_size_limit', company=office.id)
        if limit and size > limit * MIB:
            lang = pool.get('ir.lang').get()
            raise EvidenceError(gettext(
                    'yankomas_complaint.msg_evidence_too_large',
                    size=format_size(size, lang),
                    bytes=lang.format('%d', size, grouping=True),
                    limit=lang.format('%d', limit, grouping=True),
                    limit_bytes=lang.format('%d', limit * MIB, grouping=True),
                    **args))
