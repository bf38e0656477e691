from flask import Flask, g

from .analytics import identify, track_booking
from .inventory import track_inventory

app = Flask(__name__)


@app.route("/bookings", methods=["POST"])
def book():
    identify(g.user)
    track_booking(g.user, g.booking)
    track_inventory(12)
    return {"ok": True}
