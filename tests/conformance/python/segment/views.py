from flask import Flask, g, request

from .tracking import group_company, identify_user, track_order
from .usage import track_usage

app = Flask(__name__)


@app.route("/checkout", methods=["POST"])
def checkout():
    identify_user(g.user)
    track_order(g.user, g.order, request.form["shipping_address"])
    group_company(g.user, g.company)
    track_usage(g.user.id, 3)
    return {"ok": True}
