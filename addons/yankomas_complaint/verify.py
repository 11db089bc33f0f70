"""yankomas-verify: the operator's check of the complaints' hash chains.

    yankomas-verify -c /etc/trytond.conf -d yankomas [NUMBER ...]

Checks the complaints with those register numbers, or all of them, and
lists each problem found. Exit status: 0 when every chain holds, 1 when
some complaint fails, 2 when the command cannot run as asked.
"""
import argparse
import sys


def parse(argv):
    parser = argparse.ArgumentParser(prog='yankomas-verify',
        description="Verify the hash chains of the complaints of a "
        "Yankomas database.")
    parser.add_argument('-c', '--config', dest='configfile',
        help="the trytond configuration file")
    parser.add_argument('-d', '--database', required=True,
        help="the database")
    parser.add_argument('-l', '--language', default='id',
        help="the language of the report (default: id)")
    parser.add_argument('numbers', nargs='*', metavar='NUMBER',
        help="register numbers of the complaints (default: all)")
    return parser.parse_args(argv)


def verify(database, numbers, language, out):
    "Print the problems of the complaints; the number of those failing."
    from trytond.pool import Pool
    from trytond.transaction import Transaction
    pool = Pool(database)
    pool.init()
    with Transaction().start(database, 0, readonly=True,
            context={'language': language}):
        Complaint = pool.get('yankomas.complaint')
        Link = pool.get('yankomas.complaint.link')
        domain = [('number', 'in', numbers)] if numbers else []
        complaints = Complaint.search(domain, order=[('id', 'ASC')])
        unknown = set(numbers) - {c.number for c in complaints}
        if unknown:
            raise SystemExit("yankomas-verify: unknown complaint number(s): "
                + ', '.join(sorted(unknown)))
        problems = Link.problems([c.id for c in complaints])
        for complaint in Complaint.browse(sorted(problems)):
            for problem in problems[complaint.id]:
                print('%s: %s' % (complaint.rec_name,
                        Link.describe(problem)), file=out)
        print('%s/%s' % (len(complaints) - len(problems), len(complaints)),
            'OK', file=out)
        return len(problems)


def main(argv=None):
    args = parse(argv)
    from trytond import config
    config.update_etc(args.configfile)
    try:
        failing = verify(args.database, args.numbers, args.language,
            sys.stdout)
    except SystemExit as exit:
        print(exit, file=sys.stderr)
        return 2
    return 1 if failing else 0


if __name__ == '__main__':
    sys.exit(main())
