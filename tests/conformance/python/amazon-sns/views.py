from flask import Flask, g, request

from .notify import order_placed, sms_code
from .ops import stock_alert

app = Flask(__name__)


@app.route("/verify", methods=["POST"])
def verify():
    sms_code(request.form["phone"], "123456")
    order_placed(g.order)
    stock_alert("sku-1", 2)
    return {"ok": True}
