from flask import Flask, request

import sentry_sdk

from .errors import report_failure, tag_request
from .store import Customers

app = Flask(__name__)
customers = Customers()


@app.route("/signup", methods=["POST"])
def signup():
    email = request.form["email"]
    tag_request(request.form)
    sentry_sdk.set_user({"email": email, "ip_address": request.remote_addr})  # expect: pii-to-third-party user.contact.email user.device.ip_address
    sentry_sdk.add_breadcrumb(category="auth", message=f"signup attempt for {email}")  # expect: pii-to-third-party user.contact.email
    try:
        customer = customers.create(email, request.form["phone"])
    except ValueError as exc:
        sentry_sdk.set_tag("customer.phone", request.form["phone"])  # expect: pii-to-third-party user.contact.phone_number
        sentry_sdk.capture_message(f"could not create customer {email}")  # expect: pii-to-third-party user.contact.email
        raise exc
    return {"created": customer is not None}


@app.route("/orders/<order_id>/fail", methods=["POST"])
def fail(order_id):
    customer = customers.get(request.form["customer"])
    try:
        customers.charge(customer, order_id)
    except RuntimeError as exc:
        report_failure(customer, exc)
        sentry_sdk.set_context("card", {"card_number": request.form["card_number"]})  # expect: pii-to-third-party user.financial.credit_card
    return {"ok": False}
