from trytond.pool import Pool, PoolMeta


class Company(metaclass=PoolMeta):
    __name__ = 'company.company'

    @classmethod
    def create(cls, vlist):
        "Each new office gets its working calendar with the defaults."
        Calendar = Pool().get('yankomas.calendar')
        companies = super().create(vlist)
        for company in companies:
            Calendar.of(company)
        return companies
