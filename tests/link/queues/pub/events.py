"""Publishes over Kafka, Redis pub/sub and RabbitMQ."""
import json

import pika
import redis
from kafka import KafkaProducer

producer = KafkaProducer(bootstrap_servers="kafka:9092")
r = redis.Redis(host="redis")
channel = pika.BlockingConnection(pika.ConnectionParameters("rabbit")).channel()


def signed_up(phone):
    producer.send("user-events", value=json.dumps({"phone": phone}))


def alert(email):
    r.publish("alerts", json.dumps({"email": email}))


def ordered(shipping_address):
    channel.basic_publish(exchange="", routing_key="orders", body=json.dumps({"shipping_address": shipping_address}))
