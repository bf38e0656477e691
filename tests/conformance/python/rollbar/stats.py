"""Negative file: progress messages with counts."""
import rollbar


def report_progress(done):
    if done % 1000 == 0:
        rollbar.report_message(f"imported {done} rows", "info", extra_data={"done": done})
