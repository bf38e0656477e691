from flask import Flask, g, request

from .marketing import placed_order, upsert_profile
from .metrics import catalog_synced

app = Flask(__name__)


@app.route("/orders", methods=["POST"])
def order():
    upsert_profile(g.customer)
    placed_order(request.form["email"], 42)
    catalog_synced(120)
    return {"ok": True}
