"""Airbrake notifier (pybrake) shared by the app."""
import os

import pybrake

notifier = pybrake.Notifier(
    project_id=int(os.environ["AIRBRAKE_PROJECT_ID"]),
    project_key=os.environ["AIRBRAKE_PROJECT_KEY"],
    environment="production",
)


def report_bad_signup(email, exc):
    notice = notifier.build_notice(exc)
    notice["params"] = {"email": email}
    notifier.send_notice(notice)  # expect: pii-to-third-party user.contact.email


def report_bad_refund(email, exc):
    notice = notifier.build_notice(exc)
    notice["params"]["email"] = email
    notifier.send_notice(notice)  # todo: pii-to-third-party user.contact.email (a store two levels deep, notice["params"]["email"], does not reach the outer object)


def report_invalid_phone(phone):
    notifier.notify(ValueError(f"invalid phone {phone}"))  # expect: pii-to-third-party user.contact.phone_number
