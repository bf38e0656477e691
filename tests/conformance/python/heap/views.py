from flask import Flask, g, request

from .heap_events import order_shipped, set_profile
from .warehouse import restocked

app = Flask(__name__)


@app.route("/ship", methods=["POST"])
def ship():
    order_shipped(request.form["email"], g.order)
    set_profile("acct-" + str(g.order.id), request.form["phone"])
    restocked("sku-1")
    return {"ok": True}
