"Unit tests of the proof-of-work challenge (pow.py), without the database."
import base64
import datetime as dt
import json
import time
import unittest
from unittest.mock import patch

import altcha
from hypothesis import HealthCheck, given, settings, strategies as st

from yankomas_public import pow

KEY = b'k' * 32
# Cheap challenges for the tests: one PBKDF2 iteration an attempt.
CHEAP = dict(cost=1, counters=(20, 30))
# What the ALTCHA widget 3.2.2 (npm, static/vendor/) posted in Chromium 156
# for a challenge of create() under this key: its own JSON, compact.
WIDGET_KEY = b'widget 3.2.2 fixture key'
WIDGET_PAYLOAD = (
    'eyJjaGFsbGVuZ2UiOnsicGFyYW1ldGVycyI6eyJhbGdvcml0aG0iOiJQQktERjIvU0hBLTI1'
    'NiIsImNvc3QiOjEwMDAsImtleUxlbmd0aCI6MzIsImtleVByZWZpeCI6IjQyMzk5ZDBhZDU2'
    'ZDA1ODNhYmM4YWIzNjkzY2M2ZWE5Iiwibm9uY2UiOiIxODllMzAxZTE3ODJhNGU4ZjJiYjVj'
    'MDVjNTBkMmE2YSIsInNhbHQiOiJlNTE5YWZiMGNkYzJkMzM4YmI4NjJkNzUwYzJkZDE0NyIs'
    'ImV4cGlyZXNBdCI6MTc5NjE1MTg5OH0sInNpZ25hdHVyZSI6ImJhNWM3MDc3YTMyN2EyZjUz'
    'NGNjNzE0ZjM3MGZjOGRjOTIxZGI3YmMxNDNmYjYyZmVmNTNkMWMyNWI1OTFkYjcifSwic29s'
    'dXRpb24iOnsiY291bnRlciI6MjI3MywiZGVyaXZlZEtleSI6IjQyMzk5ZDBhZDU2ZDA1ODNh'
    'YmM4YWIzNjkzY2M2ZWE5ODAwZDM1NmFlNWMyYzg4NGZlYjc5ZTUzMWYyZjM1N2MiLCJ0aW1l'
    'Ijo1NTd9fQ==')
WIDGET_EXPIRES = 1796151898


def encode(data):
    return base64.b64encode(json.dumps(data).encode()).decode()


def decode(payload):
    return json.loads(base64.b64decode(payload))


def solved(key=KEY, **options):
    "A challenge of create() and the payload that solves it."
    challenge = pow.create(key, **dict(CHEAP, **options))
    return challenge, pow.solve(challenge)


# Any JSON value, nested a little.
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats()
    | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12)
FUZZ = settings(max_examples=300, derandomize=True, deadline=None,
    suppress_health_check=[HealthCheck.too_slow])


class PowTestCase(unittest.TestCase):

    def assertRefused(self, payload, reason, key=KEY):
        verdict = pow.verify(key, payload)
        self.assertEqual(verdict, (reason, None, None), payload)
        self.assertFalse(verdict.ok)

    def test_create_solve_verify(self):
        challenge, payload = solved()
        verdict = pow.verify(KEY, payload)
        self.assertTrue(verdict.ok)
        self.assertIsNone(verdict.reason)
        self.assertEqual(verdict.digest,
            pow.digest(challenge['signature']))
        self.assertRegex(verdict.digest, r'^[0-9a-f]{64}$')
        self.assertEqual(verdict.expires, pow.from_timestamp(
                challenge['parameters']['expiresAt']))

    def test_challenge_for_the_widget(self):
        "The JSON the widget fetches: the v2 shape it solves natively"
        before = time.time()
        challenge = pow.create(KEY)
        self.assertEqual(json.loads(json.dumps(challenge)), challenge)
        self.assertEqual(set(challenge), {'parameters', 'signature'})
        parameters = challenge['parameters']
        self.assertEqual(parameters['algorithm'], 'PBKDF2/SHA-256')
        self.assertEqual(parameters['cost'], pow.COST)
        # Web Crypto derives it as an AES-GCM key: 16, 24 or 32 bytes.
        self.assertEqual(parameters['keyLength'], 32)
        self.assertRegex(parameters['keyPrefix'], r'^[0-9a-f]{32}$')
        self.assertRegex(parameters['nonce'], r'^[0-9a-f]{32}$')
        self.assertRegex(parameters['salt'], r'^[0-9a-f]{32}$')
        self.assertAlmostEqual(parameters['expiresAt'],
            before + pow.EXPIRY.total_seconds(), delta=2)
        self.assertNotIn('keySignature', parameters)

    def test_challenges_differ(self):
        challenges = [pow.create(KEY, **CHEAP) for _ in range(50)]
        self.assertEqual(len({c['signature'] for c in challenges}), 50)
        self.assertEqual(
            len({c['parameters']['nonce'] for c in challenges}), 50)

    def test_work_is_the_drawn_counter(self):
        "Every challenge takes an attempt count within COUNTERS, no luck"
        counters = set()
        for _ in range(20):
            _, payload = solved(counters=(40, 44))
            counters.add(decode(payload)['solution']['counter'])
        self.assertLessEqual(counters, set(range(40, 44)))
        self.assertGreater(len(counters), 1)
        low, high = pow.COUNTERS
        self.assertLess(0, low)
        self.assertLess(low, high)

    def test_the_widget_payload(self):
        "What the npm widget 3.2.2 posts is accepted before it expires"
        with patch('time.time', lambda: WIDGET_EXPIRES - 60):
            verdict = pow.verify(WIDGET_KEY, WIDGET_PAYLOAD)
        self.assertTrue(verdict.ok, verdict)
        self.assertEqual(verdict.expires, pow.from_timestamp(WIDGET_EXPIRES))
        with patch('time.time', lambda: WIDGET_EXPIRES + 1):
            self.assertRefused(WIDGET_PAYLOAD, pow.EXPIRED, key=WIDGET_KEY)
        with patch('time.time', lambda: WIDGET_EXPIRES - 60):
            self.assertRefused(WIDGET_PAYLOAD, pow.BAD_SIGNATURE)

    def test_expired(self):
        _, payload = solved(expiry=dt.timedelta(seconds=-1))
        self.assertRefused(payload, pow.EXPIRED)

    def test_wrong_key(self):
        _, payload = solved(key=b'another key')
        self.assertRefused(payload, pow.BAD_SIGNATURE)

    def test_tampered_challenge(self):
        "A change to what the server signed breaks the signature"
        _, payload = solved()
        for name, value in [
                ('expiresAt', int(time.time()) + 86400),
                ('cost', 2), ('keyPrefix', '00'), ('algorithm', 'SHA-256'),
                ('nonce', '00' * 16), ('salt', '00' * 16),
                ('keyLength', 16), ('data', {'a': 1})]:
            data = decode(payload)
            data['challenge']['parameters'][name] = value
            self.assertRefused(encode(data), pow.BAD_SIGNATURE)
        data = decode(payload)
        del data['challenge']['parameters']['expiresAt']
        self.assertRefused(encode(data), pow.BAD_SIGNATURE)
        data = decode(payload)
        data['challenge']['signature'] = '0' * 64
        self.assertRefused(encode(data), pow.BAD_SIGNATURE)

    def test_wrong_solution(self):
        _, payload = solved()
        data = decode(payload)
        counter = data['solution']['counter']
        for value in [counter + 1, counter - 1, 0, 2 ** 32, -1]:
            data['solution']['counter'] = value
            self.assertRefused(encode(data), pow.WRONG_SOLUTION)
        data = decode(payload)
        key = data['solution']['derivedKey']
        for value in [key[:-1] + ('0' if key[-1] != '0' else '1'), '',
                key[:32], key.upper() + 'zz']:
            data['solution']['derivedKey'] = value
            self.assertRefused(encode(data), pow.WRONG_SOLUTION)

    def test_signed_without_expiry(self):
        "Signed with the key but not made by create(): never good for ever"
        challenge = altcha.create_challenge(algorithm=pow.ALGORITHM, cost=1,
            counter=3, hmac_secret=KEY).to_dict()
        self.assertTrue(altcha.verify_solution(pow.solve(challenge),
                KEY).verified)
        self.assertRefused(pow.solve(challenge), pow.MALFORMED)

    def test_missing(self):
        for payload in [None, '']:
            self.assertRefused(payload, pow.MISSING)

    def test_malformed(self):
        _, good = solved()
        data = decode(good)
        solution = data['solution']
        for payload in [
                b'', b'abc', 0, 1.5, [], [good], {'altcha': good}, object(),
                ' ', '%%%', 'not base64!', good[:-4], good[:-1],
                ' ' + good, good + '\n', 'A' * (pow.MAX_PAYLOAD + 4),
                good + 'A' * pow.MAX_PAYLOAD,
                base64.b64encode(b'\xff\xfe\x00').decode(),
                encode([]), encode('x'), encode(None), encode(12),
                encode({}), encode({'challenge': None, 'solution': None}),
                # the widget's test mode
                encode({'challenge': None, 'solution': None, 'test': True}),
                # a v1 payload
                encode({'algorithm': 'SHA-256', 'challenge': 'ab',
                        'number': 1, 'salt': 'x', 'signature': 'y'}),
                encode({'challenge': data['challenge']}),
                encode({'solution': solution}),
                encode(dict(data, challenge=data['challenge']['signature'])),
                encode(dict(data, challenge=dict(data['challenge'],
                            parameters=[]))),
                encode(dict(data, challenge=dict(data['challenge'],
                            signature=None))),
                encode(dict(data, solution=dict(solution,
                            counter=str(solution['counter'])))),
                encode(dict(data, solution=dict(solution,
                            counter=float(solution['counter'])))),
                encode(dict(data, solution=dict(solution, counter=True))),
                encode(dict(data, solution=dict(solution, derivedKey=None))),
                encode(dict(data, solution={'counter': 1})),
                base64.b64encode(b'[' * 100000).decode()[:pow.MAX_PAYLOAD],
                base64.b64encode(b'{"a":' + b'1' * 1400 + b'}').decode(),
                ]:
            self.assertRefused(payload, pow.MALFORMED)

    def test_solve_gives_up(self):
        challenge = pow.create(KEY, cost=1, counters=(10 ** 6, 10 ** 6 + 1))
        with self.assertRaises(TimeoutError):
            pow.solve(challenge, timeout=0.01)

    def test_now_is_the_library_clock(self):
        with patch('time.time', lambda: 1_800_000_000.5):
            self.assertEqual(pow.now(),
                dt.datetime(2027, 1, 15, 8, 0, 0, 500000))

    @FUZZ
    @given(st.one_of(st.none(), st.text(max_size=3000),
            st.binary(max_size=200), st.integers(), JSON))
    def test_any_value(self, payload):
        verdict = pow.verify(KEY, payload)
        self.assertIn(verdict.reason, pow.REASONS)

    @FUZZ
    @given(st.binary(max_size=1600))
    def test_any_bytes_in_base64(self, content):
        payload = base64.b64encode(content).decode()
        self.assertIn(pow.verify(KEY, payload).reason, pow.REASONS)

    @FUZZ
    @given(JSON)
    def test_any_json(self, value):
        self.assertIn(pow.verify(KEY, encode(value)).reason, pow.REASONS)

    @FUZZ
    @given(
        st.dictionaries(st.sampled_from(['algorithm', 'cost', 'keyLength',
                    'keyPrefix', 'nonce', 'salt', 'expiresAt', 'data',
                    'keySignature', 'memoryCost']), JSON),
        JSON, JSON, JSON)
    def test_any_json_of_the_shape(self, parameters, signature, counter,
            derived_key):
        payload = encode({
                'challenge': {'parameters': parameters,
                    'signature': signature},
                'solution': {'counter': counter, 'derivedKey': derived_key}})
        self.assertIn(pow.verify(KEY, payload).reason, pow.REASONS)

    @FUZZ
    @given(st.data())
    def test_any_change_to_a_solved_payload(self, data):
        """A changed payload is refused, or accepted as the very challenge
        solved (then proof.py refuses it as a replay)."""
        payload = self.payload
        position = data.draw(st.integers(0, len(payload) - 1))
        replacement = data.draw(st.text(min_size=0, max_size=3))
        changed = payload[:position] + replacement + payload[position + 1:]
        verdict = pow.verify(KEY, changed)
        if verdict.ok:
            self.assertEqual(verdict.digest, self.digest)
        else:
            self.assertIn(verdict.reason, pow.REASONS)

    @FUZZ
    @given(st.data())
    def test_any_field_of_a_solved_payload(self, data):
        "A value of any JSON type in any field of a solved payload"
        changed = decode(self.payload)
        part = data.draw(st.sampled_from(['parameters', 'challenge',
                    'solution', 'top']))
        target = {'parameters': changed['challenge']['parameters'],
            'challenge': changed['challenge'],
            'solution': changed['solution'], 'top': changed}[part]
        name = data.draw(st.sampled_from(sorted(target) + ['extra']))
        value = data.draw(JSON)
        target[name] = value
        verdict = pow.verify(KEY, encode(changed))
        if verdict.ok:
            self.assertEqual(verdict.digest, self.digest)
        else:
            self.assertIn(verdict.reason, pow.REASONS)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        challenge, cls.payload = solved()
        cls.digest = pow.digest(challenge['signature'])


if __name__ == '__main__':
    unittest.main()
