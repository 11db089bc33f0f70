"""The complaint's survey: one token per service complaint, offered on the
tracking page once the complaint is closed and until it is answered."""
from trytond.i18n import gettext
from trytond.pool import Pool, PoolMeta
from trytond.transaction import Transaction, without_check_access

from yankomas_complaint.pipeline import CLOSED_STATES


class Complaint(metaclass=PoolMeta):
    __name__ = 'yankomas.complaint'

    @classmethod
    def create(cls, vlist):
        """Each service complaint gets its survey's token when it is made,
        so that printing its receipt (a read) can show the survey's code."""
        Token = Pool().get('yankomas.survey.token')
        complaints = super().create(vlist)
        with without_check_access():
            for complaint in complaints:
                if not complaint.integrity:
                    Token.issue(complaint.company, 'complaint',
                        service='complaint', complaint=complaint)
        return complaints

    def survey_token(self):
        """The token of the complaint's survey, issued the first time it is
        asked for; None for an integrity report, whose reporter is not
        asked to grade the service (and whose confidentiality a survey
        link would weaken)."""
        Token = Pool().get('yankomas.survey.token')
        if self.integrity:
            return None
        with without_check_access():
            found = Token.search([('complaint', '=', self.id)], limit=1)
            if not found:
                # Two pages asking at once issue one token between them.
                self.__class__.lock([self])
                found = Token.search([('complaint', '=', self.id)], limit=1)
            if not found:
                if Transaction().readonly:
                    return None  # a complaint older than the module
                found = Token.issue(self.company, 'complaint',
                    service='complaint', complaint=self)
        return found[0]

    def survey_url(self):
        """The address of the complaint's survey (for the answer e-mail and
        the receipt), or None when it has none."""
        token = self.survey_token()
        return token.url if token else None

    def answer_links(self):
        "The survey, offered with the answer (e-mail and letter)."
        links = super().answer_links()
        token = self.survey_token()
        if token and not token.used:
            links.append(
                (gettext('yankomas_survey.msg_page_survey_link'), token.url))
        return links

    def public_links(self):
        links = super().public_links()
        if self.state in CLOSED_STATES and not self.integrity:
            token = self.survey_token()
            if token and not token.used:
                links.append(
                    (gettext('yankomas_survey.msg_page_survey_link'),
                        token.url))
        return links
