"""Outgoing customer notifications, queued for the mailer and logged here."""

import logging

logger = logging.getLogger("app.notify")

SETTINGS = {
    "email_template": "welcome-v3.html",
    "sender": "noreply@shop.example",
    "retries": 3,
}

_queue = []


def queue_size():
    """How many messages wait for the mailer."""
    return len(_queue)


def send_welcome(message):
    """Queue a welcome message and record it in the service log."""
    template = SETTINGS["email_template"]
    logger.debug("rendering welcome with template %s", template)
    _queue.append({"template": template, "body": message})
    logger.info("welcome queued: %s", message)
    return len(_queue)


def send_order_confirmation(order):
    """Orders are confirmed by reference and amount only."""
    logger.info("order %s confirmed, total %.2f", order.order_id, order.total)
    _queue.append({"template": "order-confirmed.html", "order": order.order_id})
    return len(_queue)
