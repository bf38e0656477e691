"""An HTTP API known only from its code (no OpenAPI document)."""
from flask import Flask, jsonify, request

app = Flask(__name__)


@app.post("/tickets")
def open_ticket():
    body = request.get_json()
    return jsonify({"id": 1, "subject": body["subject"], "queue": body["queue"], "priority": "normal"})


@app.get("/tickets/<int:ticket_id>")
def get_ticket(ticket_id):
    return jsonify({"id": ticket_id, "status": "open"})


@app.get("/tickets")
def list_tickets():
    return jsonify({"items": []})
