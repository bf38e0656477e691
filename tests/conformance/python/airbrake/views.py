from flask import Flask, request

from .errors import report_bad_signup, report_invalid_phone
from .health import report_timeout

app = Flask(__name__)


@app.route("/signup", methods=["POST"])
def signup():
    try:
        register(request.form)
    except ValueError as exc:
        report_bad_signup(request.form["email"], exc)
        report_invalid_phone(request.form["phone"])
        return {"ok": False}, 400
    report_timeout(3)
    return {"ok": True}


def register(form):
    raise ValueError("rejected")
