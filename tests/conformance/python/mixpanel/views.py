from flask import Flask, g

from .analytics import profile, purchase
from .funnel import step

app = Flask(__name__)


@app.route("/checkout", methods=["POST"])
def checkout():
    profile(g.user)
    purchase(g.user, g.order, None)
    step("checkout", 3)
    return {"ok": True}
