from trytond.model import (
    DeactivableMixin, ModelSQL, ModelView, sequence_ordered, fields)

from .bounds import SIZES


class Category(DeactivableMixin, sequence_ordered(), ModelSQL, ModelView):
    __name__ = 'yankomas.complaint.category'
    __string__ = "Complaint Category"

    name = fields.Char(
        "Name", size=SIZES['category_name'], required=True, translate=True)
    code = fields.Char("Code", size=SIZES['category_code'])
    general = fields.Boolean(
        "General",
        help="General complaints are settled by the complaint officer "
        "at the desk (SOP step 2) without escalation.")
    integrity = fields.Boolean(
        "Integrity",
        help="Extortion, touts, ethics breaches, gratification: a complaint "
        "of the category is an integrity report for the internal oversight "
        "unit, hidden from the office chain.")
    description = fields.Text(
        "Description", size=SIZES['category_description'], translate=True)
