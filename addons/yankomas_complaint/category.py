from trytond.model import (
    DeactivableMixin, ModelSQL, ModelView, sequence_ordered, fields)


class Category(DeactivableMixin, sequence_ordered(), ModelSQL, ModelView):
    __name__ = 'yankomas.complaint.category'
    __string__ = "Complaint Category"

    name = fields.Char("Name", required=True, translate=True)
    code = fields.Char("Code")
    general = fields.Boolean(
        "General",
        help="General complaints are settled by the complaint officer "
        "at the desk (SOP step 2) without escalation.")
    description = fields.Text("Description", translate=True)
