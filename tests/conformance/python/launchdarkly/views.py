from flask import Flask, g

from .flags import new_checkout_enabled, track_conversion
from .ops import maintenance_mode

app = Flask(__name__)


@app.route("/checkout", methods=["POST"])
def checkout():
    if maintenance_mode():
        return {"ok": False}, 503
    if new_checkout_enabled(g.user):
        track_conversion(g.user, 42)
    return {"ok": True}
