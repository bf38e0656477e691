import bugsnag
from flask import Flask, request

from .errors import payment_failed
from .health import warn_slow

app = Flask(__name__)


@app.route("/pay", methods=["POST"])
def pay():
    bugsnag.leave_breadcrumb("payment started", metadata={"phone": request.form["phone"]})  # expect: pii-to-third-party user.contact.phone_number
    try:
        charge(request.form)
    except RuntimeError as exc:
        payment_failed(exc, request.form["cardholder_name"])
        bugsnag.notify(exc, user={"id": request.form["account_id"], "email": request.form["email"]})  # expect: pii-to-third-party user.contact.email
        return {"ok": False}, 402
    warn_slow(1.2)
    return {"ok": True}


def charge(form):
    raise RuntimeError("declined")
