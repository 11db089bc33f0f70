from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, Unique, fields
from trytond.model.exceptions import ValidationError
from trytond.pool import Pool
from trytond.transaction import without_check_access

from .calendar import IMPORT_YEARS, IMPORTED_KINDS


class HolidayDecree(ModelSQL, ModelView):
    """The decree that sets the national holidays and collective leave of a
    year, given to those days when they are imported. Kept as data: the
    module's own decrees in decree.xml, the administrator's next to them."""
    __name__ = 'company.working_calendar.decree'
    __string__ = "Holiday Decree"
    _rec_name = 'reference'

    year = fields.Integer("Year", required=True)
    reference = fields.Char(
        "Reference", size=200, required=True,
        help="As it is cited, e.g. the joint decree (SKB) of the three "
        "ministers with its numbers.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('year_unique', Unique(t, t.year),
                'company_working_calendar.msg_calendar_decree_year_unique'),
            ]
        cls._order = [('year', 'DESC'), ('id', 'DESC')]

    @classmethod
    def references(cls, years):
        "{year: reference} of the years whose decree is known."
        return {d.year: d.reference
            for d in cls.search([('year', 'in', list(years))])}

    @classmethod
    def validate_fields(cls, decrees, field_names):
        super().validate_fields(decrees, field_names)
        for decree in decrees:
            if not IMPORT_YEARS[0] <= decree.year <= IMPORT_YEARS[1]:
                raise ValidationError(gettext(
                        'company_working_calendar.msg_calendar_decree_year',
                        first=IMPORT_YEARS[0], last=IMPORT_YEARS[1]))

    @classmethod
    def on_modification(cls, mode, decrees, field_names=None):
        super().on_modification(mode, decrees, field_names=field_names)
        if mode in {'create', 'write'}:
            cls.fill(decrees)

    @classmethod
    def fill(cls, decrees):
        """Give each decree to the national holidays and collective leave of
        its year that cite none, in every calendar (the decree is the
        country's); a reference already there is kept."""
        Holiday = Pool().get('company.working_calendar.holiday')
        with without_check_access():
            for decree in decrees:
                holidays = Holiday.search([
                        ('year', '=', decree.year),
                        ('kind', 'in', IMPORTED_KINDS),
                        ('decree', 'in', [None, '']),
                        ])
                if holidays:
                    Holiday.write(holidays, {'decree': decree.reference})
