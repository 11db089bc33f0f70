"Checks shared by the modules' test cases."
from trytond.pool import Pool

from yankomas_complaint.roles import group_ids


def assert_button_roles(test, model, button_roles):
    """The groups of each button of model are those of its roles in
    button_roles {button: roles}: the XML agrees with the Python table."""
    Button = Pool().get('ir.model.button')
    for name, roles in button_roles.items():
        button, = Button.search([
                ('model', '=', model),
                ('name', '=', name),
                ])
        test.assertEqual(
            {g.id for g in button.groups}, set(group_ids(roles)), name)
