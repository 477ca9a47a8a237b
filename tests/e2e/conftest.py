"""Browser-test fixtures (see ``tests/e2e/console.py``)."""

from tests.e2e.console import base_url, browser, console_settings, shots, stack_with_cases

__all__ = ["base_url", "browser", "console_settings", "shots", "stack_with_cases"]
