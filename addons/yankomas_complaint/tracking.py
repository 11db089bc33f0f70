"""The tracking code a complainant follows their complaint with, without the
database: 65 random bits as 13 characters of Crockford's base32, in groups
a person can read out and type back, never derived from the register
number."""
import re
import secrets

# Crockford's base32: no I, L, O or U, which people mistake or misread.
ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
LENGTH = 13
BITS = 5 * LENGTH
GROUPS = (4, 4, 5)
# What people type for the letters the alphabet leaves out.
_READ_AS = str.maketrans({'O': '0', 'I': '1', 'L': '1'})
_SEPARATORS = re.compile(r'[\s\-.]+')
# The longest text worth normalising: the code, grouped, with some spaces.
MAX_INPUT = 40


def formatted(characters):
    "The 13 characters grouped as people read them: XXXX-XXXX-XXXXX."
    groups, start = [], 0
    for size in GROUPS:
        groups.append(characters[start:start + size])
        start += size
    return '-'.join(groups)


def generate(randbits=secrets.randbits):
    "A new tracking code, from the operating system's random source."
    number = randbits(BITS)
    characters = []
    for _ in range(LENGTH):
        number, digit = divmod(number, 32)
        characters.append(ALPHABET[digit])
    return formatted(''.join(reversed(characters)))


def normalise(text):
    """The code as stored from what a person typed (any case, spaces or
    dashes, O for 0, I or L for 1), or None when it cannot be one."""
    if not isinstance(text, str) or len(text) > MAX_INPUT:
        return None
    characters = _SEPARATORS.sub('', text.upper()).translate(_READ_AS)
    if len(characters) != LENGTH or any(
            c not in ALPHABET for c in characters):
        return None
    return formatted(characters)
