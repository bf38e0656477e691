"""Bugsnag for the Flask app: every event gets the signed-in account."""
import os

import bugsnag
from flask import g

bugsnag.configure(api_key=os.environ["BUGSNAG_API_KEY"], project_root="/srv/app")


def attach_account(event):
    account = g.account
    event.add_tab("account", {"email": account.email, "plan": account.plan})  # expect: pii-to-third-party user.contact.email


bugsnag.before_notify(attach_account)


def payment_failed(exc, card_holder_name):
    bugsnag.notify(exc, metadata={"payment": {"cardholder_name": card_holder_name}})  # expect: pii-to-third-party user.name
