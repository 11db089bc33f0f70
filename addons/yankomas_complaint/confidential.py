"""What a confidential complaint hides and from whom, without the database.

The identity of a confidential complaint is seen only by the roles its
office allows; everyone else reads a mask instead of each value and cannot
find the complaint by any of those values (UU 27/2022).
"""
from .identity import IDENTITY_FIELDS

# The fields that identify the complainant, with the name the form took
# down and the label of the ID type (a hidden type reads as the mask).
HIDDEN_FIELDS = IDENTITY_FIELDS + ('complainant_name', 'id_type_string')

# Who sees the identity unless the office says otherwise: who takes the
# complaint down, and who answers for the office.
DEFAULT_ROLES = ('petugas', 'kepala_kantor')

_LOGIC = ('AND', 'OR')


def may_see(confidential, roles, allowed):
    """Whether someone with roles may see the identity of a complaint,
    confidential or not, of an office that allows the roles allowed."""
    return not confidential or bool(set(roles) & set(allowed))


def root(path):
    "The field a domain path or a read name starts with: 'complainant'."
    return path.split('.', 1)[0].split(':', 1)[0]


def is_clause(expression):
    "Whether expression is a single clause (name, operator, value[, model])."
    return (isinstance(expression, (list, tuple))
        and len(expression) > 2
        and isinstance(expression[0], str)
        and isinstance(expression[1], str)
        and expression[0] not in _LOGIC)


def guard_domain(domain, hidden, guard):
    """domain with each clause on a field of hidden joined to guard, so that
    such a clause never matches a record guard excludes: a hidden value
    cannot be found, not even by what it is not."""
    if is_clause(domain):
        if root(domain[0]) in hidden:
            return ['AND', list(domain), guard]
        return domain
    if isinstance(domain, (list, tuple)):
        return [guard_domain(d, hidden, guard) if not isinstance(d, str)
            else d for d in domain]
    return domain


def guard_relation(domain, relation, guard):
    """domain with each clause on the x2many field relation limited to the
    targets guard lets through: the ones it excludes are as if absent."""
    if is_clause(domain):
        name, operator, value = domain[:3]
        if root(name) != relation:
            return domain
        if name != relation:
            sub = [name.split('.', 1)[1], operator, value] + list(domain[3:])
            return (relation, 'where', [sub, guard])
        if operator in ('where', 'not where'):
            return (relation, operator, [value, guard])
        if operator in ('not in', '!='):
            positive = 'in' if operator == 'not in' else '='
            return (relation, 'not where', [('id', positive, value), guard])
        if operator in ('in', '='):
            if value is None or value == []:
                # No target at all: the hidden ones do not count.
                return (relation, 'not where', [guard])
            return (relation, 'where', [('id', operator, value), guard])
        return (relation, 'where', [('rec_name', operator, value), guard])
    if isinstance(domain, (list, tuple)):
        return [guard_relation(d, relation, guard) if not isinstance(d, str)
            else d for d in domain]
    return domain


def unhidden_order(order, hidden):
    "order without the fields of hidden: their order would tell their values."
    if not order:
        return order
    return [o for o in order if root(o[0]) not in hidden]


def mask_row(row, types, mask):
    """Replace in the read row the values of the fields {name: type} by the
    mask: a text reads as mask, a link or a selection as empty and its name
    or label as mask; what was empty stays empty."""
    for name, type_ in types.items():
        if type_ in ('many2one', 'selection'):
            given = bool(row.get(name) or row.get(name + '.')
                or row.get(name + ':string'))
            if name in row:
                row[name] = None
            if name + '.' in row:
                row[name + '.'] = None
            if name + ':string' in row:
                row[name + ':string'] = mask if given else ''
        elif row.get(name):
            row[name] = mask
    return row
