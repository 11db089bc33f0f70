"""Tests of the module: `python -m unittest yankomas_complaint.tests`."""
from . import (
    test_digest, test_identity, test_module, test_pipeline, test_scenario,
    test_working_time)
from . import test_board_logic

MODULES = [
    test_pipeline, test_identity, test_working_time, test_digest,
    test_module, test_scenario]
MODULES.append(test_board_logic)


def load_tests(loader, tests, pattern):
    for module in MODULES:
        tests.addTests(loader.loadTestsFromModule(module, pattern=pattern))
    return tests
