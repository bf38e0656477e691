"""Negative file: provider timeouts."""
from .errors import notifier


def report_timeout(seconds):
    if seconds > 2:
        notifier.notify(TimeoutError(f"mail provider took {seconds}s"))
