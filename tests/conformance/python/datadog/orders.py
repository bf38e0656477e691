"""Negative file: spans get ids, totals and fixed labels only."""
import hashlib

from ddtrace import tracer


class Order:
    def __init__(self, order_id):
        self.id = order_id
        self.total = 0
        self.items = []


def load_order(order_id):
    with tracer.trace("orders.load", resource="load_order") as span:
        span.set_tag("order.id", order_id)
        span.set_tag("db.system", "postgresql")
        order = Order(order_id)
        span.set_tags({"items": len(order.items), "currency": "EUR"})
    return order


def tag_customer(span, customer):
    span.set_tag("customer.ref", hashlib.sha256(customer.email.encode()).hexdigest())
    span.set_tag("customer.tier", customer.tier)
