"""Negative file: queue depth and fixed labels."""
import libhoney


def queue_event(depth):
    builder = libhoney.Builder()
    builder.add_field("service", "accounts")
    ev = builder.new_event()
    ev.add_field("queue.depth", depth)
    ev.add({"queue": "signups", "workers": 2})
    ev.send()
