import beeline
from flask import Flask, request

from .events import geo_event, signup_event
from .stats import queue_event

app = Flask(__name__)
beeline.init(writekey="", dataset="signups", service_name="accounts")


@app.route("/signup", methods=["POST"])
def signup():
    beeline.add_context_field("user.email", request.form["email"])  # expect: pii-to-third-party user.contact.email
    beeline.add_context({"user.birthday": request.form["birthday"]})  # expect: pii-to-third-party user.demographic.date_of_birth
    signup_event(request.form, 12)
    geo_event(request.remote_addr)
    queue_event(4)
    return {"ok": True}
