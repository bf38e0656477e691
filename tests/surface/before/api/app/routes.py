"""The API before the change."""
from flask import Flask, jsonify
from flask_login import login_required

from . import orders

app = Flask(__name__)


@app.get("/accounts/<int:ref>")
@login_required
def account(ref):
    return jsonify({"ref": ref, "status": "active"})


@app.get("/orders/<int:ref>")
def order(ref):
    found = orders.lookup(ref)
    return jsonify({"ref": ref, "total": found.total})
