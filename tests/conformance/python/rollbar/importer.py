import csv

import rollbar

from .errors import report_bounce, report_import_failure
from .stats import report_progress


def import_customers(path):
    with open(path) as f:
        for n, row in enumerate(csv.DictReader(f)):
            try:
                save(row)
            except ValueError:
                report_import_failure({"email": row["email"], "line": n})
                rollbar.report_message("bad phone", "error", payload_data={"person": {"id": row["id"], "phone": row["phone"]}})  # expect: pii-to-third-party user.contact.phone_number
            report_progress(n)


def save(row):
    if not row["phone"]:
        raise ValueError("phone")


def bounced(customer):
    report_bounce(customer)
