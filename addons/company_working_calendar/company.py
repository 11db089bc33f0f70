from trytond.pool import Pool, PoolMeta


class Company(metaclass=PoolMeta):
    __name__ = 'company.company'

    @classmethod
    def create(cls, vlist):
        "Each new company gets its working calendar with the defaults."
        Calendar = Pool().get('company.working_calendar')
        companies = super().create(vlist)
        for company in companies:
            Calendar.of(company)
        return companies

    @classmethod
    def on_modification(cls, mode, companies, field_names=None):
        super().on_modification(mode, companies, field_names=field_names)
        # The calendars' engines work on the company's time zone.
        if mode == 'write' and 'timezone' in (field_names or ()):
            Pool().get('company.working_calendar')._engines.clear()
