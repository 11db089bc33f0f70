"""What a visitor sends (questionnaire.py) alone: a complete form, each
kind of mistake with its message, and any form at all read without an
error of the server."""
import unittest

from hypothesis import given, settings, strategies as st

from yankomas_survey import ikm
from yankomas_survey.questionnaire import (
    AGE_MAX, AGE_MIN, COMMENT_MAX, Submission, clean_text)

CHOICES = {
    'sex': ['male', 'female'],
    'education': ['primary', 'senior'],
    'occupation': ['private', 'other'],
    }
SERVICES = ['passport', 'visa']
FUZZ = settings(max_examples=1000, derandomize=True, deadline=None)


def complete(**values):
    form = {k: '3' for k in ikm.KEYS}
    form.update(values)
    return form


class SubmissionTestCase(unittest.TestCase):

    def test_complete(self):
        sent = Submission(complete(
                cost='1', age=' 34 ', sex='female', education='senior',
                occupation='', comment='  Antre lama.\r\nTerima kasih. '),
            CHOICES)
        self.assertTrue(sent.valid)
        self.assertEqual(sent.values['cost'], 1)
        self.assertEqual(sent.values['requirements'], 3)
        self.assertEqual(sent.values['age'], 34)
        self.assertEqual(sent.values['sex'], 'female')
        self.assertIsNone(sent.values['occupation'])
        self.assertEqual(sent.values['comment'],
            'Antre lama.\nTerima kasih.')
        self.assertNotIn('service', sent.values)

    def test_only_answers(self):
        "The profile and the comment are optional."
        sent = Submission(complete(), CHOICES)
        self.assertTrue(sent.valid)
        self.assertEqual({k: sent.values[k] for k in (
                    'age', 'sex', 'education', 'occupation', 'comment')},
            dict.fromkeys(('age', 'sex', 'education', 'occupation',
                    'comment')))

    def test_answers_required(self):
        "Every one of the nine: missing, out of range or not a number."
        form = complete(requirements='', procedure='5', cost='0',
            product='3.0', conduct='٣')
        del form['facilities']
        sent = Submission(form, CHOICES)
        self.assertEqual(sorted(sent.errors), sorted([
                    'requirements', 'procedure', 'cost', 'product',
                    'conduct', 'facilities']))
        for key in sent.errors:
            self.assertEqual(sent.errors[key][0], 'answer_required')
            self.assertNotIn(key, sent.values)
        # What was typed comes back as typed.
        self.assertEqual(sent.typed['procedure'], '5')

    def test_service(self):
        "At the kiosk the visitor chooses the service from the list."
        self.assertEqual(Submission(complete(), CHOICES, SERVICES).errors,
            {'service': ('service_required', {})})
        self.assertEqual(
            Submission(complete(service='spaceship'), CHOICES, SERVICES
                ).errors, {'service': ('choice_invalid', {})})
        sent = Submission(complete(service='visa'), CHOICES, SERVICES)
        self.assertTrue(sent.valid)
        self.assertEqual(sent.values['service'], 'visa')

    def test_profile_from_lists(self):
        sent = Submission(complete(sex='other', education='S9',
                occupation='<b>x</b>'), CHOICES)
        self.assertEqual({k: v[0] for k, v in sent.errors.items()}, {
                'sex': 'choice_invalid', 'education': 'choice_invalid',
                'occupation': 'choice_invalid'})
        self.assertEqual(sent.typed['occupation'], '<b>x</b>')

    def test_age(self):
        for typed in ['9', '121', '-5', '3a', '1e2', '٣٤', '34.5',
                '99999999999999999999']:
            sent = Submission(complete(age=typed), CHOICES)
            self.assertEqual(sent.errors, {'age': ('age_invalid', {
                            'min': AGE_MIN, 'max': AGE_MAX})}, typed)
            self.assertEqual(sent.typed['age'], typed.strip()[:40])
        for typed, age in [('10', 10), ('120', 120), ('045', 45)]:
            self.assertEqual(
                Submission(complete(age=typed), CHOICES).values['age'], age)

    def test_comment_length(self):
        "The limit counts characters, a line end as one."
        exact = ('a' * 9 + '\r\n') * (COMMENT_MAX // 10)
        sent = Submission(complete(comment=exact), CHOICES)
        self.assertTrue(sent.valid)
        self.assertEqual(len(sent.values['comment']), COMMENT_MAX - 1)
        long = 'b' * (COMMENT_MAX + 1)
        sent = Submission(complete(comment=long), CHOICES)
        self.assertEqual(sent.errors, {'comment': ('comment_too_long', {
                        'max': COMMENT_MAX, 'length': COMMENT_MAX + 1})})
        self.assertEqual(sent.typed['comment'], long)

    def test_control_characters(self):
        "A NUL (which PostgreSQL refuses) and other controls are dropped."
        self.assertEqual(clean_text('a\x00b\x07c\td\ne\x1b'), 'abc\td\ne')
        sent = Submission(complete(comment='\x00\x00'), CHOICES)
        self.assertTrue(sent.valid)
        self.assertIsNone(sent.values['comment'])

    def test_markup_kept_as_text(self):
        "Markup is text like another: the pages escape it."
        sent = Submission(complete(
                comment='<script>alert(1)</script>'), CHOICES)
        self.assertEqual(sent.values['comment'], '<script>alert(1)</script>')

    @FUZZ
    @given(st.dictionaries(
            st.sampled_from(list(ikm.KEYS) + [
                    'service', 'age', 'sex', 'education', 'occupation',
                    'comment', 'other']),
            st.one_of(st.text(max_size=60), st.sampled_from(
                    ['1', '2', '3', '4', 'male', 'visa', '34', ''])),
            max_size=20),
        st.booleans())
    def test_any_form(self, form, kiosk):
        """Any form is read without an error: what is kept is valid, every
        field is either kept or has a message."""
        sent = Submission(form, CHOICES, SERVICES if kiosk else None)
        for key in ikm.KEYS:
            self.assertTrue((key in sent.values) != (key in sent.errors))
            if key in sent.values:
                self.assertIn(sent.values[key], ikm.SCORES)
        for name, keys in CHOICES.items():
            if name in sent.values:
                self.assertIn(sent.values[name], keys + [None])
        if kiosk and 'service' in sent.values:
            self.assertIn(sent.values['service'], SERVICES)
        age = sent.values.get('age')
        self.assertTrue(age is None or AGE_MIN <= age <= AGE_MAX)
        comment = sent.values.get('comment')
        if comment is not None:
            self.assertNotIn('\x00', comment)
        self.assertEqual(sent.valid, not sent.errors)
