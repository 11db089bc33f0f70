import base64
import os
import re

from genshi.builder import tag
from genshi.core import Markup

from trytond.i18n import gettext
from trytond.pool import Pool
from trytond.report import Report
from trytond.transaction import Transaction

from company_working_calendar import clock
from yankomas_complaint.identity import is_nip

try:
    import weasyprint
except ImportError:
    weasyprint = None

STYLESHEET = os.path.join(os.path.dirname(__file__), 'document.css')
# The largest logo on the letterhead, drawn at 300 dpi; its cell in
# document.css (td.logo) is as wide.
LOGO_HEIGHT_CM = 2.0
LOGO_WIDTH_CM = 2.4
# A date on a document, as a letter writes it: 1 Desember 2026.
DATE_FORMAT = '%-d %B %Y'
# The time after it: 14.05 in Indonesian (PUEBI), 14:05 in the others.
TIME_FORMATS = {'id': '%H.%M'}
TIME_FORMAT = '%H:%M'


def time_format(language):
    "The strftime format of a time of day in language (an ir.lang code)."
    return TIME_FORMATS.get(
        (language or '').replace('-', '_').split('_')[0], TIME_FORMAT)


class OfficeReport(Report):
    "A printed document of the office: letterhead, stylesheet, office time."

    @classmethod
    def get_context(cls, records, header, data):
        context = super().get_context(records, header, data)
        with open(STYLESHEET) as stylesheet:
            # Markup: an escaped ">" breaks the selectors.
            context['stylesheet'] = Markup(stylesheet.read())
        context['local'] = cls.local_datetime
        context['long_date'] = cls.long_date
        context['nip'] = cls.nip
        context['signer'] = cls.signer
        context['data_notice'] = cls.data_notice
        context['letterhead'] = cls.letterhead
        context['place_and_date'] = cls.place_and_date
        return context

    @classmethod
    def convert(cls, report, data, *args, **kwargs):
        # Tryton's WeasyPrint fetches http and https only; the letterhead's
        # logo is embedded as a data: URL, which reads nothing outside the
        # document.
        if (weasyprint and report.template_extension in {'html', 'xhtml'}
                and report.extension == 'pdf'):
            return 'pdf', weasyprint.HTML(string=data,
                url_fetcher=weasyprint.URLFetcher(
                    allowed_protocols={'http', 'https', 'data'}),
                ).write_pdf()
        return super().convert(report, data, *args, **kwargs)

    @classmethod
    def letterhead(cls, company):
        """The office's letterhead: its logo on the left when it has one,
        then the ministry, the directorate general, the regional office, the
        office's name, its address and how to reach it."""
        party = company.party
        contact = []
        for item in cls.contact_line(party):
            if contact:
                contact.append(' \u00b7 ')
            contact.append(tag.span(item, class_='item'))
        lines = tag.td(
            [tag.div(line, class_=kind)
                for kind, line in company.yankomas_letterhead_lines()],
            tag.div(party.name, class_='office'),
            tag.div(party.addresses[0].full_address.replace('\n', ', '),
                class_='address') if party.addresses else None,
            tag.div(contact, class_='contact') if contact else None,
            class_='lines')
        logo = cls.logo(company)
        # As on the offices' letter paper, the lines are centred in the
        # width the logo leaves: the ministry's name keeps to one line.
        cells = [tag.td(logo, class_='logo'), lines] if logo else [lines]
        return tag.table(tag.tr(cells), class_='letterhead')

    @staticmethod
    def logo(company):
        "The office's logo (company.logo) as an image element, or None."
        if not company.logo:
            return None
        image, mimetype, width, height = company.get_logo_cm(
            LOGO_WIDTH_CM, LOGO_HEIGHT_CM)
        return tag.img(
            src='data:%s;base64,%s' % (
                mimetype, base64.b64encode(image).decode('ascii')),
            style='width: %s; height: %s' % (width, height), alt='')

    @staticmethod
    def contact_line(party):
        """The office's phone, e-mail and website, as written on a letter
        (the website without its scheme), each kept on one line."""
        items = []
        for kind in ['phone', 'email', 'website']:
            value = getattr(party, kind)
            if kind == 'website' and value:
                value = re.sub(r'^https?://', '', value).rstrip('/')
            if value:
                items.append(gettext(
                        'yankomas_document.msg_letterhead_%s' % kind,
                        **{kind: value}))
        return items

    @staticmethod
    def signer(user):
        "The name a user signs with: their employee's, else their own."
        if not user:
            return ''
        return user.employee.party.name if user.employee else user.name

    @staticmethod
    def data_notice(company, language=None):
        """The office's data-use notice (Company.yankomas_data_use_notice:
        yankomas_privacy generates it from what the system does), in
        language (the reader's by default)."""
        Company = Pool().get('company.company')
        with Transaction().set_context(
                language=language or Transaction().language):
            return Company(company.id).yankomas_data_use_notice()

    @classmethod
    def place_and_date(cls, company, moment=None):
        """The line above the signatures: the office's city and the day, in
        the reader's language ("Pamekasan, 1 Desember 2026"); now by
        default."""
        party = company.party
        city = next((a.city for a in party.addresses if a.city), None)
        date = cls.long_date(company, moment or clock.now())
        return '%s, %s' % (city, date) if city else date

    @staticmethod
    def office_time(company, moment):
        """moment (naive UTC) on the office's wall clock, an aware datetime:
        the one conversion of the documents (company_working_calendar)."""
        Calendar = Pool().get('company.working_calendar')
        return Calendar.of(company).engine().local(moment)

    @classmethod
    def long_date(cls, company, moment):
        """The office's day of moment (UTC) in the reader's language:
        "1 Desember 2026"."""
        if not moment:
            return ''
        Lang = Pool().get('ir.lang')
        return Lang.get().strftime(
            cls.office_time(company, moment), DATE_FORMAT)

    @classmethod
    def local_datetime(cls, company, moment):
        """moment (UTC) on the office's wall clock in the reader's language,
        with its zone's name: "1 Desember 2026 14.05 WIB"; the day and the
        time may go to two lines."""
        if not moment:
            return ''
        Lang = Pool().get('ir.lang')
        lang = Lang.get()
        local = cls.office_time(company, moment)
        return '%s %s\u00a0%s' % (lang.strftime(local, DATE_FORMAT),
            lang.strftime(local, time_format(lang.code)), local.tzname())

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
