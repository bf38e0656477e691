"""Negative file: usage events for the workspace."""
from .support import intercom


def seat_count(seats):
    intercom.events.create(event_name="seats-updated", user_id="workspace-admin", metadata={"seats": seats})
