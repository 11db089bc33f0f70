"""Tests of the module: `python -m unittest yankomas_complaint.tests`."""
from . import (
    test_board_logic, test_digest, test_identity, test_listing, test_module,
    test_periods, test_pipeline, test_scenario, test_spreadsheet,
    test_working_time)

MODULES = [
    test_pipeline, test_identity, test_working_time, test_digest,
    test_periods, test_board_logic, test_spreadsheet, test_listing,
    test_module, test_scenario]


def load_tests(loader, tests, pattern):
    for module in MODULES:
        tests.addTests(loader.loadTestsFromModule(module, pattern=pattern))
    return tests
