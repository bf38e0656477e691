"""Negative file: slowness reports."""
from honeybadger import honeybadger


def report_slow(seconds):
    if seconds > 2:
        honeybadger.notify(error_class="SlowUpload", error_message="upload slower than 2s", context={"seconds": seconds})
