from flask import Flask, request

from .client import index_ticket, reindex_contacts
from .stats import index_daily_stats

app = Flask(__name__)


@app.route("/tickets", methods=["POST"])
def create_ticket():
    index_ticket(request.get_json())
    reindex_contacts([{"phone": request.form["phone"]}])
    index_daily_stats(3)
    return {"ok": True}
