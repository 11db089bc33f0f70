"Unit tests of the SOP pipeline as plain data."
import datetime as dt
import unittest

from yankomas_complaint.pipeline import (
    BUTTON_ROLES, BUTTONS, CLOSED_STATES, FINAL_STATES, INTEGRITY_BUTTONS,
    INTEGRITY_FINAL_STATES, INTEGRITY_STEP_ROLES, INTEGRITY_STEPS, ROLES,
    STATES, STEP_ROLES, STEPS, first_state, level_reached, steps_of_roles,
    transitions)


class PipelineTestCase(unittest.TestCase):

    def test_steps_follow_the_sop(self):
        self.assertEqual(STEPS, (
                'reception', 'intake', 'subsection', 'section', 'directed',
                'resolution'))
        self.assertEqual(
            [STEP_ROLES[s] for s in STEPS],
            ['duta_layanan', 'petugas', 'kasubsi', 'kasi', 'kasubsi',
                'petugas'])

    def test_every_button_leads_between_known_states(self):
        for button, (sources, target) in BUTTONS.items():
            self.assertTrue(set(sources) <= set(STEPS), button)
            self.assertIn(target, STATES, button)
            self.assertTrue(set(BUTTON_ROLES[button]) <= set(ROLES), button)

    def test_the_three_paths_reach_done(self):
        "The SOP's three paths, pressed button after button."
        paths = [
            ['direct', 'resolve'],
            ['direct', 'escalate', 'decide', 'complete'],
            ['direct', 'escalate', 'request_direction', 'give_direction',
                'forward', 'complete'],
            ]
        for path in paths:
            state = first_state('walk_in')
            for button in path:
                sources, target = BUTTONS[button]
                self.assertIn(state, sources, (path, button))
                state = target
            self.assertEqual(state, 'done')

    def test_final_states_have_no_way_out(self):
        self.assertFalse(
            {source for source, _ in transitions()} & set(FINAL_STATES))

    def test_each_open_step_has_a_way_forward(self):
        sources = {source for source, _ in transitions()}
        self.assertEqual(sources, set(STEPS + INTEGRITY_STEPS))

    def test_integrity_reports_start_with_the_oversight_unit(self):
        for channel in ('walk_in', 'phone', 'letter', 'lapor'):
            self.assertEqual(first_state(channel, integrity=True),
                'report_received')
        self.assertEqual(set(INTEGRITY_STEP_ROLES.values()),
            {'pengawas_internal'})

    def test_integrity_track_apart_from_the_office_chain(self):
        "No move leads from one track to the other"
        integrity = set(INTEGRITY_STEPS + INTEGRITY_FINAL_STATES)
        for source, target in transitions():
            self.assertEqual(source in integrity, target in integrity,
                (source, target))
        self.assertFalse(set(BUTTONS) & set(INTEGRITY_BUTTONS))
        self.assertEqual(
            {t for _, t in INTEGRITY_BUTTONS.values()} - set(INTEGRITY_STEPS),
            set(INTEGRITY_FINAL_STATES))
        self.assertEqual(set(CLOSED_STATES),
            set(FINAL_STATES) | set(INTEGRITY_FINAL_STATES))

    def test_only_walk_in_starts_at_reception(self):
        self.assertEqual(first_state('walk_in'), 'reception')
        for channel in ('phone', 'letter', 'email', 'web', 'whatsapp',
                'social_media', 'lapor'):
            self.assertEqual(first_state(channel), 'intake')

    def test_steps_of_roles(self):
        self.assertEqual(steps_of_roles({'kasubsi'}),
            ['directed', 'subsection'])
        self.assertEqual(steps_of_roles({'kepala_kantor'}), [])
        self.assertEqual(steps_of_roles({'petugas', 'kasi'}),
            ['intake', 'resolution', 'section'])

    def test_level_reached(self):
        self.assertEqual(level_reached({'reception', 'intake'}), 'desk')
        self.assertEqual(
            level_reached({'intake', 'subsection', 'resolution'}), 'kasubsi')
        self.assertEqual(level_reached(set(STEPS)), 'kasi')

    def test_received_problem(self):
        from yankomas_complaint.pipeline import received_problem
        now = dt.datetime(2026, 4, 6, 2, 0)
        window = dt.timedelta(days=30)
        day = dt.timedelta(days=1)
        self.assertIsNone(received_problem('walk_in', now + day, now, window,
                None))
        self.assertEqual(received_problem('letter', now + day, now, window,
                "x"), 'future')
        self.assertEqual(received_problem('lapor', now - 31 * day, now,
                window, "x"), 'window')
        self.assertEqual(received_problem('email', now - day, now, window,
                " "), 'reason')
        self.assertIsNone(received_problem('email', now - day, now, window,
                "Cap pos"))
        self.assertIsNone(received_problem('letter', now, now, window, None))
