"""The grades of the index (mutu pelayanan) as data: the regulation's four
bands are loaded from grade.xml and may be edited by the administrator if a
later regulation moves them; ikm.py grades with whatever bands it is given."""
from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, Unique, fields

from . import ikm
from .exceptions import SurveyGradeError


class Grade(ModelSQL, ModelView):
    __name__ = 'yankomas.survey.grade'
    __string__ = "Satisfaction Grade"
    _rec_name = 'letter'

    letter = fields.Char("Grade", required=True, size=1)
    quality = fields.Char(
        "Service Quality", required=True, translate=True,
        help="What the grade says of the service, e.g. \"Very Good\".")
    lower = fields.Numeric(
        "From", digits=(5, 2), required=True,
        help="The lowest index of the grade (included).")
    upper = fields.Numeric(
        "To", digits=(5, 2), required=True,
        help="The highest index of the grade (included).")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('letter_unique', Unique(t, t.letter),
                'yankomas_survey.msg_grade_letter_unique'),
            ]
        cls._order = [('lower', 'DESC'), ('id', 'ASC')]

    def get_rec_name(self, name):
        return '%s (%s)' % (self.letter, self.quality)

    @classmethod
    def bands(cls):
        "The grades as the bands ikm.grade takes."
        return [ikm.Band(g.lower, g.upper, g.letter, g.quality)
            for g in cls.search([])]

    @classmethod
    def quality_of(cls, letter):
        "The quality a grade letter stands for (in the context's language)."
        found = cls.search([('letter', '=', letter)], limit=1) if letter else []
        return found[0].quality if found else ''

    @classmethod
    def validate_fields(cls, grades, field_names):
        """No band upside down and none overlapping another; a gap is let
        pass while the bands are being edited one by one (the index it
        holds is then shown without a grade)."""
        super().validate_fields(grades, field_names)
        if not field_names & {'lower', 'upper', 'letter'}:
            return
        for problem in ikm.band_problems(cls.bands()):
            kind = problem[0]
            if kind == 'order':
                raise SurveyGradeError(gettext(
                        'yankomas_survey.msg_grade_order',
                        grade=problem[1]))
            if kind == 'overlap':
                raise SurveyGradeError(gettext(
                        'yankomas_survey.msg_grade_overlap',
                        grade=problem[1], other=problem[2]))
