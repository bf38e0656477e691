"""Error reporting: Sentry set up once, scopes filled by a helper."""
import os

import sentry_sdk

sentry_sdk.init(dsn=os.environ.get("SENTRY_DSN"), traces_sample_rate=0.1)


def report_failure(user, exc):
    with sentry_sdk.new_scope() as scope:
        scope.set_user({"id": user.id, "email": user.email})  # expect: pii-to-third-party user.contact.email
        scope.set_extra("phone", user.phone)  # expect: pii-to-third-party user.contact.phone_number
        scope.set_tag("plan", user.plan)
        sentry_sdk.capture_exception(exc)


def tag_request(form):
    sentry_sdk.get_isolation_scope().set_user({"email": form["email"]})  # expect: pii-to-third-party user.contact.email
    sentry_sdk.get_current_scope().set_context("address", {"city": form["city"]})  # expect: pii-to-third-party user.contact.address.city
