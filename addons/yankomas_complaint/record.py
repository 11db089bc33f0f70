from trytond.i18n import gettext
from trytond.model.exceptions import AccessError


class ServerWrittenMixin:
    """Records only the server writes (history, notices, e-mails): clients
    may read them but never create, change or delete them."""
    __slots__ = ()

    @classmethod
    def __post_setup__(cls):
        super().__post_setup__()
        # Shown read-only in every client, as the server enforces.
        for field in cls._fields.values():
            field.readonly = True

    @classmethod
    def check_modification(cls, mode, records, values=None, external=False):
        super().check_modification(
            mode, records, values=values, external=external)
        if external:
            raise AccessError(gettext(
                    'yankomas_complaint.msg_record_server_written',
                    model=cls.__names__()['model']))


def record_name(*parts):
    """The name a person reads for a record kept about a complaint: its
    parts (the complaint's number first) joined, the empty ones left out."""
    return ' · '.join(str(p) for p in parts if p)


class NamedAfterMixin:
    """A record kept about a complaint, named after what it belongs to
    (_named_after: the complaint, or the step) and its own parts, and found
    by that name."""
    __slots__ = ()
    _named_after = 'complaint'

    def _name_parts(self):
        "The record's own parts of its name, after its parent's."
        return ()

    def get_rec_name(self, name):
        return record_name(
            getattr(self, self._named_after).rec_name, *self._name_parts())

    @classmethod
    def search_rec_name(cls, name, clause):
        return [('%s.rec_name' % cls._named_after,) + tuple(clause[1:])]
