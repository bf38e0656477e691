"""Server-side events with Heap's API client."""
import os

import heapapi

client = heapapi.HeapAPIClient(os.environ["HEAP_APP_ID"])


def order_shipped(email, order):
    client.track(email, "Order Shipped", {"order_id": order.id, "carrier": order.carrier})  # expect: pii-to-third-party user.contact.email


def set_profile(identity, phone):
    client.add_user_properties(identity, {"phone": phone})  # expect: pii-to-third-party user.contact.phone_number
