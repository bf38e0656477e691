"""HTTP routes of the users service (Flask)."""

import json
import logging

from flask import Flask, jsonify, request
from flask_login import login_required
from kafka import KafkaProducer

from . import clients, store

app = Flask(__name__)
logger = logging.getLogger(__name__)
producer = KafkaProducer(bootstrap_servers="kafka:9092")


@app.route("/users", methods=["POST"])
def create_user():
    data = request.get_json()
    logger.info("creating account for %s", data["email"])
    locale = data.get("locale", "en")
    user_id = store.insert_user(data["fullName"], locale)
    clients.create_customer(user_id, data["email"])
    event = {"user_id": user_id, "phone": data["phone"]}
    producer.send("user-events", value=json.dumps(event))
    return jsonify({"id": user_id})


@app.get("/users/<int:user_id>")
def get_user(user_id):
    user = store.find_user(user_id)
    return jsonify({"id": user_id, "phone": user.phone_number})


@app.put("/users/<int:user_id>/card")
@login_required
def update_card(user_id):
    body = request.get_json()
    clients.update_card(user_id, body["card_number"])
    return jsonify({"status": "updated"})


@app.get("/healthz")
def healthz():
    return jsonify({"status": "ok"})
