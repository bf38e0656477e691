from flask import Flask, g, request

from .mail import add_contact, send_receipt
from .reports import send_report

app = Flask(__name__)


@app.route("/orders", methods=["POST"])
def order_placed():
    send_receipt(g.order)
    add_contact(request.form["email"], request.form["phone"])
    send_report(40)
    return {"ok": True}
