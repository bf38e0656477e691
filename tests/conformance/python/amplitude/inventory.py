"""Negative file: inventory events of a device, no user."""
from amplitude import BaseEvent

from .analytics import client


def track_inventory(rooms_left):
    client.track(BaseEvent(event_type="Inventory Sampled", device_id="server-1", event_properties={"rooms_left": rooms_left}))
