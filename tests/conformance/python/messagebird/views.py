from flask import Flask, g, request

from .sms import delivery_notice, send_code
from .ops import page_oncall

app = Flask(__name__)


@app.route("/verify", methods=["POST"])
def verify():
    send_code(request.form["phone"], "123456")
    delivery_notice(g.order)
    page_oncall("queue stuck")
    return {"ok": True}
