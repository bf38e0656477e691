"""Consumers written as loops and callbacks."""
import json
import logging

import pika
import redis
from kafka import KafkaConsumer

log = logging.getLogger(__name__)


def user_events():
    consumer = KafkaConsumer("user-events", bootstrap_servers="kafka:9092")
    for message in consumer:
        event = json.loads(message.value)
        log.info("welcome %s", event["phone"])


def alerts():
    pubsub = redis.Redis(host="redis").pubsub()
    pubsub.subscribe("alerts")
    for message in pubsub.listen():
        data = json.loads(message["data"])
        print("alert for", data["email"])


def on_order(ch, method, properties, body):
    order = json.loads(body)
    log.warning("shipping to %s", order["shipping_address"])


def orders():
    channel = pika.BlockingConnection(pika.ConnectionParameters("rabbit")).channel()
    channel.basic_consume(queue="orders", on_message_callback=on_order)
    channel.start_consuming()
