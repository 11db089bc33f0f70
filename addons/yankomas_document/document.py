import os

from genshi.builder import tag
from genshi.core import Markup

from trytond.pool import Pool
from trytond.report import Report

from company_working_calendar import clock
from yankomas_complaint.identity import is_nip

STYLESHEET = os.path.join(os.path.dirname(__file__), 'document.css')


class OfficeReport(Report):
    "A printed document of the office: letterhead, stylesheet, office time."

    @classmethod
    def get_context(cls, records, header, data):
        context = super().get_context(records, header, data)
        with open(STYLESHEET) as stylesheet:
            # Markup: an escaped ">" breaks the selectors.
            context['stylesheet'] = Markup(stylesheet.read())
        context['local'] = cls.local_datetime
        context['nip'] = cls.nip
        context['signer'] = cls.signer
        context['data_notice'] = cls.data_notice
        context['letterhead'] = cls.letterhead
        context['place_and_date'] = cls.place_and_date
        return context

    @staticmethod
    def letterhead(company):
        "The office's letterhead: ministry, regional office, name, address."
        party = company.party
        return tag.div(
            tag.div(company.yankomas_ministry, class_='ministry'),
            tag.div(company.yankomas_regional_office, class_='region')
            if company.yankomas_regional_office else None,
            tag.div(party.name, class_='office'),
            tag.div(party.addresses[0].full_address.replace('\n', ', '),
                class_='address') if party.addresses else None,
            class_='letterhead')

    @staticmethod
    def signer(user):
        "The name a user signs with: their employee's, else their own."
        if not user:
            return ''
        return user.employee.party.name if user.employee else user.name

    @staticmethod
    def data_notice(company):
        """The office's data-use notice (Company.yankomas_data_use_notice:
        yankomas_privacy generates it from what the system does)."""
        return company.yankomas_data_use_notice()

    @staticmethod
    def place_and_date(company, moment=None):
        """The line above the signatures: the office's city and the day, in
        the reader's language ("Pamekasan, 1 Desember 2026"); now by
        default."""
        pool = Pool()
        Calendar = pool.get('company.working_calendar')
        Lang = pool.get('ir.lang')
        party = company.party
        city = next((a.city for a in party.addresses if a.city), None)
        day = Calendar.of(company).engine().local(moment or clock.now())
        date = Lang.get().strftime(day, '%-d %B %Y')
        return '%s, %s' % (city, date) if city else date

    @classmethod
    def local_datetime(cls, company, moment):
        "moment (UTC) as the office's wall clock, with its zone's name."
        Calendar = Pool().get('company.working_calendar')
        return Calendar.of(company).format_local(moment)

    @staticmethod
    def nip(user):
        """The civil-servant number (NIP) of the user's employee, if known:
        the first of the party's identifiers shaped as a NIP, never another
        (a NIK must not end up on a signed document)."""
        employee = user.employee if user else None
        for identifier in (employee.party.identifiers if employee else []):
            if is_nip(identifier.code):
                return identifier.code
        return ''
