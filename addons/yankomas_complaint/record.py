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
