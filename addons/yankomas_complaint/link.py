"""The stored hash chain of each complaint (see chain.py for the digests)."""
from collections import defaultdict
from contextlib import contextmanager

from sql import For, Null
from sql.aggregate import Max
from sql.functions import CurrentTimestamp

from trytond import backend
from trytond.i18n import gettext
from trytond.model import Index, ModelSQL, ModelView, Unique, fields
from trytond.pool import Pool
from trytond.tools import cursor_dict, grouped_slice, reduce_ids
from trytond.transaction import Transaction, without_check_access

from . import chain
from .confidentiality import IdentityCopyMixin
from .record import ServerWrittenMixin

DELETED = {'_deleted': True}
# The ids a query takes at once (trytond's grouped_slice takes one
# without a size).
IDS_AT_ONCE = backend.MAX_QUERY_PARAMS
# The values of a link that records a row found edited behind the
# application when the application next wrote it: the edit stays visible.
MISMATCH = '_mismatch'


class ChainedMixin:
    """A record of a complaint whose stored state is linked, at each create,
    write and delete, to the complaint's hash chain."""
    __slots__ = ()
    # Columns the server rewrites on its own or that another link covers.
    _chain_excluded = frozenset({
            'id', 'create_uid', 'create_date', 'write_uid', 'write_date'})

    @property
    def chain_complaint(self):
        "The complaint whose chain holds the record, if any."
        return self.complaint

    @classmethod
    def chain_domain(cls, complaint_ids):
        "The domain of the records of those complaints."
        return [('complaint', 'in', complaint_ids)]

    @classmethod
    def chain_fields(cls):
        "The stored fields a link of the record covers."
        return sorted(name for name, field in cls._fields.items()
            if name not in cls._chain_excluded
            and not isinstance(field, (
                    fields.Function, fields.One2Many, fields.Many2Many))
            and not (field._type == 'binary'
                and getattr(field, 'file_id', None)))

    @classmethod
    def chain_values(cls, ids):
        """{id: {field: value}} as stored, for the ids that exist: the
        server's own look at its rows, in one query, without the checks of
        a read. The columns are selected as Tryton's read selects them, and
        the fields that convert what is stored (a reference, a time delta, a
        multiple selection) are converted by their own get, as read does."""
        names = cls.chain_fields()
        table = cls.__table__()
        tables = {None: (table, None)}
        columns = [table.id.as_('id')]
        for name in names:
            field = cls._fields[name]
            column = field.sql_column(tables, cls).as_(name)
            if backend.name == 'sqlite':
                # The type the connection converts the value by, as read.
                column.output_name += ' [%s]' % field.sql_type().base
            columns.append(column)
        converted = [n for n in names if hasattr(cls._fields[n], 'get')]
        cursor = Transaction().connection.cursor()
        result = {}
        for sub_ids in grouped_slice(list(ids), IDS_AT_ONCE):
            cursor.execute(*table.select(*columns,
                    where=reduce_ids(table.id, list(sub_ids))))
            rows = list(cursor_dict(cursor))
            for name in converted:
                values = cls._fields[name].get(
                    [r['id'] for r in rows], cls, name, values=rows)
                for row in rows:
                    row[name] = values[row['id']]
            for row in rows:
                result[row['id']] = {n: row[n] for n in names}
        return result

    def chain_check(self):
        """Problems [(kind, model, record, fields)] the row alone cannot
        show, such as a stored file that no longer matches its hash."""
        return []

    @classmethod
    def create(cls, vlist):
        records = super().create(vlist)
        Pool().get('yankomas.complaint.link').add(records)
        return records

    @classmethod
    def write(cls, *args):
        Link = Pool().get('yankomas.complaint.link')
        records = sum(args[0:None:2], [])
        before = cls.chain_values(
            [r.id for r in records if r.id >= 0 and not Link.pending(r)])
        super().write(*args)
        Link.add(records, before={cls.__name__: before})

    @classmethod
    def delete(cls, records):
        Pool().get('yankomas.complaint.link').add(records, deleted=True)
        super().delete(records)


class Link(IdentityCopyMixin, ServerWrittenMixin, ModelSQL, ModelView):
    __name__ = 'yankomas.complaint.link'
    __string__ = "Complaint Chain Link"
    # The rows of complaints and of their revisions hold the identity.
    _identity_copies = ('payload',)
    _identity_models = ('yankomas.complaint', 'yankomas.complaint.revision')

    complaint = fields.Many2One(
        'yankomas.complaint', "Complaint", required=True, ondelete='RESTRICT')
    position = fields.Integer("Position", required=True)
    model = fields.Char("Model", required=True)
    record = fields.Integer("Record", required=True)
    payload = fields.Text(
        "Record Content", required=True,
        help="The canonical serialisation of the record as stored.")
    payload_digest = fields.Char(
        "Record Content Digest",
        help="The SHA-256 of the serialisation: what the chain covers, so "
        "that an erased content still verifies.")
    previous = fields.Char("Previous Digest")
    digest = fields.Char("Digest", required=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('complaint')
        t = cls.__table__()
        cls._sql_indexes.update({
                Index(t,
                    (t.complaint, Index.Range()),
                    (t.position, Index.Range())),
                Index(t,
                    (t.model, Index.Equality()),
                    (t.record, Index.Range())),
                })
        cls._sql_constraints += [
            ('position_unique', Unique(t, t.complaint, t.position),
                'yankomas_complaint.msg_link_position_unique'),
            ]
        cls._order = [
            ('complaint', 'ASC'), ('position', 'ASC'), ('id', 'ASC')]

    @classmethod
    def copyless_domain(cls):
        return [('model', 'not in', list(cls._identity_models))]

    def carries_identity(self):
        return self.model in self._identity_models

    @classmethod
    def chained_models(cls):
        "The models whose records are linked to the chains."
        return [Model for _, Model in Pool().iterobject()
            if isinstance(Model, type) and issubclass(Model, ChainedMixin)
            and issubclass(Model, ModelSQL)]

    @classmethod
    def _lock(cls, complaint_ids):
        """Serialise the writers of a chain: one link follows another.
        SQLite has one writer at a time already."""
        if backend.name != 'postgresql' or not complaint_ids:
            return
        table = Pool().get('yankomas.complaint').__table__()
        cursor = Transaction().connection.cursor()
        for sub_ids in grouped_slice(sorted(complaint_ids), IDS_AT_ONCE):
            cursor.execute(*table.select(table.id,
                    where=reduce_ids(table.id, list(sub_ids)),
                    order_by=table.id.asc, for_=For('UPDATE')))

    @classmethod
    def _last_links(cls, where, keys):
        """The links table joined to keep, among the links where selects,
        the last of each group of keys (column names)."""
        table = cls.__table__()
        columns = [getattr(table, k) for k in keys]
        last = table.select(*columns, Max(table.position).as_('position'),
            where=where(table), group_by=columns)
        condition = table.position == last.position
        for key in keys:
            condition &= getattr(table, key) == getattr(last, key)
        return table, table.join(last, condition=condition)

    @classmethod
    def heads(cls, complaint_ids):
        "{complaint id: (position, digest)} of the last links."
        cursor = Transaction().connection.cursor()
        result = {}
        for sub_ids in grouped_slice(complaint_ids, IDS_AT_ONCE):
            table, query = cls._last_links(
                lambda t: reduce_ids(t.complaint, list(sub_ids)),
                ['complaint'])
            cursor.execute(*query.select(
                    table.complaint, table.position, table.digest))
            for complaint, position, digest in cursor:
                result[complaint] = (position, digest)
        return result

    @classmethod
    def last_payloads(cls, model, ids):
        "{record id: payload} of the last link of each record of model."
        cursor = Transaction().connection.cursor()
        result = {}
        for sub_ids in grouped_slice(ids, IDS_AT_ONCE):
            table, query = cls._last_links(
                lambda t: (t.model == model)
                & reduce_ids(t.record, list(sub_ids)),
                ['complaint', 'model', 'record'])
            cursor.execute(*query.select(table.record, table.payload))
            result.update(cursor)
        return result

    @classmethod
    @contextmanager
    def batched(cls):
        """The links of the records created and written within it are added
        at its end, in one pass over the chains (one read of their heads and
        of the records, one insert), one link per record for its last state:
        a transition writes a step, opens another and writes the complaint.
        Deletions are linked at once, their rows being gone after."""
        transaction = Transaction()
        if getattr(transaction, '_yankomas_chain_batch', None) is not None:
            yield
            return
        batch = transaction._yankomas_chain_batch = ({}, defaultdict(dict))
        try:
            yield
        finally:
            transaction._yankomas_chain_batch = None
        records, before = batch
        cls.add(list(records.values()), before=before)

    @classmethod
    def pending(cls, record):
        "Whether the record's link waits for the end of a batch."
        batch = getattr(Transaction(), '_yankomas_chain_batch', None)
        return bool(batch) and (record.__name__, record.id) in batch[0]

    @classmethod
    def add(cls, records, deleted=False, before=None):
        """Add a link for each record whose stored state differs from its
        last link (or that is deleted), at once or at the end of the batch
        (Link.batched) in progress. A record whose row, before this write
        (before: {model: {id: values}}) or deletion, no longer matched its
        last link gets a mismatch link first, so the next write does not
        hide an edit made behind the application."""
        batch = getattr(Transaction(), '_yankomas_chain_batch', None)
        if batch is not None and not deleted:
            waiting, prior = batch
            for record in records:
                waiting.setdefault((record.__name__, record.id), record)
            for model, values in (before or {}).items():
                for record_id, value in values.items():
                    prior[model].setdefault(record_id, value)
            return
        owners = {}
        for record in records:
            complaint = record.chain_complaint
            if complaint is not None and complaint.id >= 0:
                owners[record] = complaint.id
        if not owners:
            return
        cls._lock(set(owners.values()))
        heads = cls.heads(list(set(owners.values())))
        by_model = defaultdict(list)
        for record in owners:
            by_model[record.__class__].append(record.id)
        values, last, prior = {}, {}, {}
        for Model, ids in by_model.items():
            model = Model.__name__
            if deleted:
                prior[model] = Model.chain_values(ids)
                values[model] = {i: DELETED for i in ids}
            else:
                prior[model] = (before or {}).get(model, {})
                values[model] = Model.chain_values(ids)
            last[model] = cls.last_payloads(model, ids)
        links = []

        def append(complaint, model, record_id, payload):
            position, previous = heads.get(complaint, (0, None))
            hashed = chain.payload_digest(payload)
            digest = chain.digest(previous, hashed)
            heads[complaint] = (position + 1, digest)
            links.append({
                    'complaint': complaint,
                    'position': position + 1,
                    'model': model,
                    'record': record_id,
                    'payload': payload,
                    'payload_digest': hashed,
                    'previous': previous,
                    'digest': digest,
                    })
        for record, complaint in owners.items():
            model = record.__name__
            current = values[model].get(record.id)
            if current is None:
                continue
            payload = chain.canonical(model, record.id, current)
            linked = last[model].get(record.id)
            if linked == payload:
                continue
            old = prior[model].get(record.id)
            if (linked is not None and old is not None
                    and not chain.same(linked, model, record.id, old)):
                append(complaint, model, record.id, chain.canonical(
                        model, record.id, {MISMATCH: chain.changed_fields(
                                linked, old)}))
            append(complaint, model, record.id, payload)
            last[model][record.id] = payload
        if links:
            cls._insert(links)

    @classmethod
    def _insert(cls, links):
        """Insert the links [{field: value}] in one statement: they are the
        server's own, computed here, with nothing of Tryton's create to
        check (and no reading back of what was just written)."""
        table = cls.__table__()
        names = sorted(links[0])
        cursor = Transaction().connection.cursor()
        user = Transaction().user
        rows = (backend.MAX_QUERY_PARAMS // (len(names) + 3)
            if Transaction().database.has_multirow_insert() else 1)
        for sub_links in grouped_slice(links, rows):
            cursor.execute(*table.insert(
                    [table.create_uid, table.create_date]
                    + [getattr(table, n) for n in names],
                    [[user, CurrentTimestamp()] + [link[n] for n in names]
                        for link in sub_links]))

    @classmethod
    def redact(cls, complaint_ids, models, reason):
        """Erase the past contents of the records of models in the chains
        of the complaints: every link but the last of each record, whose
        content the record as stored still shows. The chains verify as
        before; links made before contents had their own digest stay."""
        table = cls.__table__()
        cursor = Transaction().connection.cursor()
        for sub_ids in grouped_slice(sorted(complaint_ids), IDS_AT_ONCE):
            sub_ids = list(sub_ids)
            last, query = cls._last_links(
                lambda t: reduce_ids(t.complaint, sub_ids),
                ['complaint', 'model', 'record'])
            cursor.execute(*table.select(table.id, table.model, table.record,
                    where=reduce_ids(table.complaint, sub_ids)
                    & table.model.in_(list(models))
                    & (table.payload_digest != Null)
                    & ~table.id.in_(query.select(last.id))))
            for link_id, model, record in cursor.fetchall():
                cursor.execute(*table.update([table.payload],
                        [chain.redacted(model, record, reason)],
                        where=table.id == link_id))

    @classmethod
    def problems(cls, complaint_ids):
        """{complaint id: [(kind, model, record, fields)]} of the complaints
        whose stored rows or links no longer hold; kind is 'link' (a link
        altered, removed or inserted), 'changed' (a row differs from its
        last link in fields), 'missing' (a linked row is gone) or
        'unlinked' (a row no link covers)."""
        found = defaultdict(list)
        table = cls.__table__()
        cursor = Transaction().connection.cursor()
        last = {}
        for sub_ids in grouped_slice(sorted(complaint_ids), 500):
            sub_ids = list(sub_ids)
            links = defaultdict(list)
            cursor.execute(*table.select(
                    table.complaint, table.position, table.previous,
                    table.payload, table.payload_digest, table.digest,
                    table.model, table.record,
                    where=reduce_ids(table.complaint, sub_ids),
                    order_by=[table.complaint.asc, table.position.asc]))
            for complaint, position, previous, payload, hashed, digest, \
                    model, record in cursor:
                links[complaint].append(
                    (position, previous, payload, hashed, digest))
                if MISMATCH in payload:
                    names = chain.values_of(payload).get(MISMATCH)
                    if names is not None:
                        found[complaint].append(
                            ('changed', model, record, names))
                        continue
                last.setdefault(model, {})[record] = (complaint, payload)
            for complaint in sub_ids:
                for position in chain.broken_links(links[complaint])[:1]:
                    found[complaint].append(('link', cls.__name__, position,
                            []))
            cls._check_rows(sub_ids, last, found)
            last.clear()
        return dict(found)

    @classmethod
    def _check_rows(cls, complaint_ids, last, found):
        "Compare the rows of the complaints with their last links."
        for Model in cls.chained_models():
            model = Model.__name__
            linked = last.get(model, {})
            with without_check_access(), \
                    Transaction().set_context(active_test=False):
                owned = Model.search(Model.chain_domain(complaint_ids))
            for record in owned:
                if record.id not in linked:
                    found[record.chain_complaint.id].append(
                        ('unlinked', model, record.id, []))
            current = Model.chain_values(list(linked))
            for record_id, (complaint, payload) in linked.items():
                values = current.get(record_id)
                if values is None:
                    if payload != chain.canonical(model, record_id, DELETED):
                        found[complaint].append(
                            ('missing', model, record_id, []))
                    continue
                if not chain.same(payload, model, record_id, values):
                    found[complaint].append(('changed', model, record_id,
                            chain.changed_fields(payload, values)))
            for record in Model.browse(list(current)):
                for problem in record.chain_check():
                    found[record.chain_complaint.id].append(problem)

    @classmethod
    def office_head(cls, company_id, upto=None):
        """(last link id, head) of the chains of the office's complaints, as
        they stood once link upto (or the last one) was written: printed on
        the recap, recomputed later to show that no chain was rewritten."""
        Complaint = Pool().get('yankomas.complaint')
        complaint = Complaint.__table__()
        table = cls.__table__()
        cursor = Transaction().connection.cursor()
        if upto is None:
            cursor.execute(*table.select(Max(table.id)))
            upto, = cursor.fetchone()
            upto = upto or 0
        office = complaint.select(complaint.id,
            where=complaint.company == company_id)
        table, query = cls._last_links(
            lambda t: (t.id <= upto) & t.complaint.in_(office),
            ['complaint'])
        cursor.execute(*query.select(table.complaint, table.digest,
                order_by=table.complaint.asc))
        return upto, chain.head('%s:%s' % row for row in cursor)

    @classmethod
    def describe(cls, problem):
        "A problem of Link.problems as a sentence in the user's language."
        kind, model, record, names = problem
        Model = Pool().get(model)
        labels = Model.fields_get(names) if names else {}
        return gettext('yankomas_complaint.msg_chain_%s' % kind,
            model=Model.__names__()['model'], record=record,
            fields=', '.join(labels[n]['string'] for n in names))
