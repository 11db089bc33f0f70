"""The Community Satisfaction Index (Indeks Kepuasan Masyarakat, IKM) of
PermenPAN-RB 14/2017, without the database: the nine elements and their
answers in the regulation's words, the per-element average (NRR), the index,
its grade from bands given as data, the weakest elements, and the minimum
sample for a population (Krejcie and Morgan).

Every figure is kept exact (fractions) until it is shown; the index is
rounded half up to two decimals before its band is looked up, as the
regulation prints it, so that no value falls between two bands.
"""
import calendar
import datetime as dt
from collections import namedtuple
from decimal import Decimal
from fractions import Fraction

# key: the field of a response; name, question and answers: the
# regulation's Indonesian (Lampiran, contoh kuesioner), answers from 1 to 4;
# english: the field's label (the source string the translations start
# from).
Element = namedtuple('Element', 'key name english question answers')
ELEMENTS = (
    Element('requirements', "Persyaratan", "Requirements",
        "Bagaimana pendapat Saudara tentang kesesuaian persyaratan "
        "pelayanan dengan jenis pelayanannya?",
        ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai")),
    Element('procedure', "Sistem, Mekanisme, dan Prosedur",
        "System, Mechanism and Procedure",
        "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan "
        "di unit ini?",
        ("Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah")),
    Element('completion_time', "Waktu Penyelesaian", "Completion Time",
        "Bagaimana pendapat Saudara tentang kecepatan waktu dalam "
        "memberikan pelayanan?",
        ("Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat")),
    Element('cost', "Biaya/Tarif", "Cost/Fee",
        "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam "
        "pelayanan?",
        ("Sangat mahal", "Cukup mahal", "Murah", "Gratis")),
    Element('product', "Produk Spesifikasi Jenis Pelayanan",
        "Service Product Specification",
        "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan "
        "antara yang tercantum dalam standar pelayanan dengan hasil yang "
        "diberikan?",
        ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai")),
    Element('competence', "Kompetensi Pelaksana", "Staff Competence",
        "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas "
        "dalam pelayanan?",
        ("Tidak kompeten", "Kurang kompeten", "Kompeten",
            "Sangat kompeten")),
    Element('conduct', "Perilaku Pelaksana", "Staff Conduct",
        "Bagaimana pendapat Saudara tentang perilaku petugas dalam "
        "pelayanan terkait kesopanan dan keramahan?",
        ("Tidak sopan dan ramah", "Kurang sopan dan ramah",
            "Sopan dan ramah", "Sangat sopan dan ramah")),
    Element('complaint_handling', "Penanganan Pengaduan, Saran dan Masukan",
        "Handling of Complaints, Suggestions and Input",
        "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna "
        "layanan?",
        ("Tidak ada", "Ada tetapi tidak berfungsi",
            "Berfungsi kurang maksimal", "Dikelola dengan baik")),
    Element('facilities', "Sarana dan Prasarana",
        "Facilities and Infrastructure",
        "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
        ("Buruk", "Cukup", "Baik", "Sangat baik")),
    )
KEYS = tuple(e.key for e in ELEMENTS)
BY_KEY = {e.key: e for e in ELEMENTS}
SCORES = (1, 2, 3, 4)
# Each element weighs the same: 1/9 exactly (the regulation's examples
# round it to 0.111, which would make the best possible index 99.90).
WEIGHT = Fraction(1, len(ELEMENTS))
# The index is on the scale 25-100: the average score times 25.
SCALE = 25
INDEX_PLACES = 2
NRR_PLACES = 3

# A grade band, both bounds included, on the rounded index.
Band = namedtuple('Band', 'lower upper letter quality')

# Krejcie and Morgan (1970), the table the regulation sizes the sample by:
# chi-square of one degree of freedom at 95 % (3.841), proportion 0.5,
# margin 0.05. Rounding their formula half up gives every row of the table.
CHI_SQUARE = Fraction(3841, 1000)
PROPORTION = Fraction(1, 2)
MARGIN = Fraction(5, 100)


def rounded(value, places):
    "value (a Fraction or a number) rounded half up to places decimals."
    if value is None:
        return None
    # On the exact fraction, so that a tie is a tie: floor, then up if
    # the rest is half a step or more.
    value = Fraction(value)
    step = Fraction(1, 10 ** places)
    steps = value // step
    if (value - steps * step) * 2 >= step:
        steps += 1
    return Decimal(steps).scaleb(-places)


def totals(responses, keys=KEYS):
    """{key: (sum, count)} of the answers of responses, each a mapping of
    key to a score 1-4 or None (not answered)."""
    result = {k: (0, 0) for k in keys}
    for response in responses:
        for key in keys:
            score = response.get(key)
            if score is None:
                continue
            if score not in SCORES:
                raise ValueError('score %r of %s' % (score, key))
            total, count = result[key]
            result[key] = (total + score, count + 1)
    return result


def nrr(element_totals):
    """The average score (nilai rata-rata, NRR) of each element: the sum of
    its answers over their number; None for an element nobody answered."""
    return {k: Fraction(total, count) if count else None
        for k, (total, count) in element_totals.items()}


def index(nrrs):
    """The exact index: the sum of NRR times 1/9, times 25. None unless
    every one of the nine elements has an NRR: the index is defined on the
    nine together, and one made of fewer would not be the regulation's nor
    comparable with another (the response form requires every answer, so
    this happens only without respondents)."""
    if set(nrrs) != set(KEYS) or any(v is None for v in nrrs.values()):
        return None
    return sum(v * WEIGHT for v in nrrs.values()) * SCALE


def grade(value, bands):
    """The band of the index value (rounded to INDEX_PLACES) among bands,
    or None when no band holds it."""
    if value is None:
        return None
    value = rounded(value, INDEX_PLACES)
    for band in bands:
        if Decimal(band.lower) <= value <= Decimal(band.upper):
            return band
    return None


def band_problems(bands):
    """What is wrong with bands as a grading of the rounded index: a list of
    ('order', letter) for a lower bound above its upper one, ('overlap',
    letter, letter), ('gap', upper, lower) between two bands and ('range',
    lowest, highest) when they do not span 25.00-100.00 exactly."""
    step = Decimal(1).scaleb(-INDEX_PLACES)
    problems = []
    ordered = sorted(bands, key=lambda b: Decimal(b.lower))
    for band in ordered:
        if Decimal(band.lower) > Decimal(band.upper):
            problems.append(('order', band.letter))
    for below, above in zip(ordered, ordered[1:]):
        if Decimal(above.lower) <= Decimal(below.upper):
            problems.append(('overlap', below.letter, above.letter))
        elif Decimal(above.lower) - Decimal(below.upper) > step:
            problems.append(('gap', below.upper, above.lower))
    lowest = Decimal(ordered[0].lower) if ordered else None
    highest = max((Decimal(b.upper) for b in ordered), default=None)
    if (lowest, highest) != (Decimal(SCALE), Decimal(4 * SCALE)):
        problems.append(('range', lowest, highest))
    return problems


def weakest(nrrs, count=3):
    """The keys of the lowest-scoring elements, lowest first: every element
    sharing the lowest NRR, then each next group of equal NRR as long as it
    fits in count. Equal elements go in or out together (the order of the
    table does not decide between them), and when every element answered
    scores the same, none is weaker than another: the list is empty."""
    answered = sorted((v, KEYS.index(k), k) for k, v in nrrs.items()
        if v is not None)
    groups = []
    for value, _, key in answered:
        if groups and groups[-1][0] == value:
            groups[-1][1].append(key)
        else:
            groups.append((value, [key]))
    if len(groups) < 2 or count <= 0:
        return []
    result = list(groups[0][1])
    for _, keys in groups[1:-1]:
        if len(result) + len(keys) > count:
            break
        result.extend(keys)
    return result


Summary = namedtuple('Summary', 'respondents nrr index value grade weakest')


def summarise(element_totals, respondents, bands, weakest_count=3):
    """The IKM of respondents whose answers total element_totals: the NRR
    of each element, the exact index, its value as shown (rounded), the
    band and the weakest elements."""
    averages = nrr(element_totals)
    exact = index(averages)
    return Summary(
        respondents=respondents,
        nrr=averages,
        index=exact,
        value=rounded(exact, INDEX_PLACES),
        grade=grade(exact, bands),
        weakest=weakest(averages, weakest_count))


def minimum_sample(population):
    """The least number of respondents for a population of that size
    (Krejcie and Morgan): 80 for 100, 278 for 1,000, 384 for a million."""
    if population is None:
        return None
    if population < 0:
        raise ValueError(population)
    if population == 0:
        return 0
    spread = CHI_SQUARE * PROPORTION * (1 - PROPORTION)
    size = spread * population / (MARGIN ** 2 * (population - 1) + spread)
    return int(rounded(size, 0))


def period_population(monthly, first, last):
    """The people a service of monthly users serves from the day first to
    last (both included): each whole month counts once, a part of a month
    by its share of the month's days; rounded half up."""
    if monthly is None or first > last:
        return None
    served = Fraction(0)
    day = first
    while day <= last:
        length = calendar.monthrange(day.year, day.month)[1]
        end = min(last, day.replace(day=length))
        served += Fraction((end - day).days + 1, length)
        day = end + dt.timedelta(days=1)
    return int(rounded(served * monthly, 0))
