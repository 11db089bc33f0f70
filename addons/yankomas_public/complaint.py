"""What the public pages read of a complaint: found by its tracking code
only, and shown without any personal data."""
from trytond.pool import Pool, PoolMeta
from trytond.transaction import without_check_access

from yankomas_complaint import tracking
from yankomas_complaint.pipeline import CLOSED_STATES

from .status import FINISHED, public_status

# A step's hold of this kind waits on the complainant's reply.
WAITING_KIND = 'waiting_complainant'


class Complaint(metaclass=PoolMeta):
    __name__ = 'yankomas.complaint'

    @classmethod
    def by_tracking_code(cls, text):
        """The complaint of the code typed, or None. A malformed code runs
        the same query as a well-formed one, so that neither answers
        sooner."""
        code = tracking.normalise(text)
        with without_check_access():
            found = cls.search(
                [('tracking_code', '=', code or '')], limit=1)
        return found[0] if found and code else None

    def public_view(self):
        """What the tracking page shows: the register number, the office,
        where the complaint is in plain words (a status key), its dates and
        the answer once given; never the identity nor anything written
        about the complainant."""
        pool = Pool()
        Lang = pool.get('ir.lang')
        Calendar = pool.get('company.working_calendar')
        lang = Lang.get()
        calendar = Calendar.of(self.company)
        waiting = bool(self.current_step and any(
                h.kind == WAITING_KIND and not h.ended
                for h in self.current_step.holds))
        status = public_status(self.state, waiting)

        def moment(value):
            if not value:
                return ''
            local = calendar.engine().local(value)
            return '%s %s' % (lang.strftime(local, '%d %B %Y, %H.%M'),
                local.tzname())

        history = []
        for step in self.steps:
            key = public_status(step.step)
            if not history or history[-1][0] != key:
                history.append((key, moment(step.started)))
        closed = self.state in CLOSED_STATES
        return {
            'number': self.number,
            'office': self.company.rec_name,
            'status': status,
            'finished': status in FINISHED,
            'received': moment(self.received),
            'answer_deadline': (lang.strftime(self.answer_deadline,
                    '%d %B %Y') if self.answer_deadline and not closed
                else ''),
            'closed': moment(self.closed) if closed else '',
            'answer': self.resolution if closed else '',
            'history': history,
            'links': self.public_links(),
            }

    def public_links(self):
        """[(label, address)] offered under the status, in the page's
        language: where other modules invite the complainant (the survey)."""
        return []
