from trytond.model import fields
from trytond.pool import PoolMeta


class Employee(metaclass=PoolMeta):
    __name__ = 'company.employee'

    yankomas_job_title = fields.Char(
        "Job Title",
        help="The full title of the position (jabatan), printed under the "
        "signature on the recap. Empty, the title of the role is printed.")
