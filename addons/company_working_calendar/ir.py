from trytond.pool import PoolMeta


class Cron(metaclass=PoolMeta):
    __name__ = 'ir.cron'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.method.selection.append(
            ('company.working_calendar|upkeep',
                "Import Next Year's Holidays and Check the Working Calendars"))
        # The administrators subscribe to its notices in their preferences.
        cls._notifications.add('company.working_calendar|upkeep')
