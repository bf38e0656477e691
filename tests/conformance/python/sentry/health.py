"""Negative file: what is sent to Sentry here is not personal."""
import hashlib

import sentry_sdk


def report_job(job, items, email):
    sentry_sdk.set_tag("job", job.name)
    sentry_sdk.set_extra("items", len(items))
    sentry_sdk.set_context("runtime", {"region": "eu-west-1", "workers": 4})
    sentry_sdk.set_user({"id": hashlib.sha256(email.encode()).hexdigest()})
    sentry_sdk.add_breadcrumb(category="job", message="job started")
    sentry_sdk.capture_message("nightly job failed", level="error")
    with sentry_sdk.new_scope() as scope:
        scope.set_tag("queue", job.queue)
        scope.set_extra("attempt", job.attempt)
        sentry_sdk.capture_message("retrying")
