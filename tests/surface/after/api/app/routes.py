"""The API after the change: a guard dropped, an e-mail returned, a new route."""
from flask import Flask, jsonify, request

from . import orders

app = Flask(__name__)


@app.get("/accounts/<int:ref>")
def account(ref):
    return jsonify({"ref": ref, "status": "active"})


@app.get("/orders/<int:ref>")
def order(ref):
    found = orders.lookup(ref)
    return jsonify({"ref": ref, "total": found.total, "contact": found.email})


@app.post("/exports")
def export():
    orders.schedule_export(request.get_json()["kind"])
    return jsonify({"status": "scheduled"})
