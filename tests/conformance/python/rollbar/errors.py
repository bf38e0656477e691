"""Rollbar reporting for the worker."""
import os
import sys

import rollbar

rollbar.init(os.environ["ROLLBAR_ACCESS_TOKEN"], environment="production")


def report_import_failure(row):
    rollbar.report_exc_info(sys.exc_info(), extra_data={"row_email": row["email"], "line": row["line"]})  # expect: pii-to-third-party user.contact.email


def report_bounce(customer):
    rollbar.report_message(f"mail bounced for {customer.email}", "warning")  # expect: pii-to-third-party user.contact.email
