from flask import Flask, g, request

from .experiments import purchased, sees_new_pricing
from .ops import region_gate

app = Flask(__name__)


@app.route("/checkout", methods=["POST"])
def checkout():
    if region_gate("eu-west-1") and sees_new_pricing(g.user):
        purchased(g.user, 42, request.form["phone"])
    return {"ok": True}
