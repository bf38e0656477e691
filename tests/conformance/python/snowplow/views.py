from flask import Flask, request

from .tracking import added_to_basket, tracker_for
from .catalog import viewed_category

app = Flask(__name__)


@app.route("/basket", methods=["POST"])
def basket():
    tracker = tracker_for(request.form["email"])
    added_to_basket(tracker, request.form["sku"], request.form["postcode"])
    viewed_category("desks")
    return {"ok": True}
