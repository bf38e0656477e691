from flask import Flask, g, request

from .messaging import cart_abandoned, identify
from .campaigns import campaign_sent

app = Flask(__name__)


@app.route("/cart", methods=["POST"])
def cart():
    identify(g.customer)
    cart_abandoned(g.customer.id, request.form["shipping_address"])
    campaign_sent("spring")
    return {"ok": True}
