"""Honeybadger for the Django app."""
import os

from honeybadger import honeybadger

honeybadger.configure(api_key=os.environ["HONEYBADGER_API_KEY"], environment="production")


def with_customer(customer):
    honeybadger.set_context(user_email=customer.email, user_id=customer.pk)  # expect: pii-to-third-party user.contact.email


def import_failed(exc, row):
    honeybadger.notify(exc, context={"row_phone": row["phone"], "line": row["line"]})  # expect: pii-to-third-party user.contact.phone_number
