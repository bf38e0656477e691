"""Amplitude Python SDK: one client for the API."""
import os

from amplitude import Amplitude, BaseEvent

client = Amplitude(os.environ["AMPLITUDE_API_KEY"])


def track_booking(user, booking):
    client.track(  # expect: pii-to-third-party user.contact.address.city
        BaseEvent(event_type="Booking Made", user_id=user.id, event_properties={"nights": booking.nights, "city": booking.city})
    )


def identify(user):
    client.track(BaseEvent(event_type="Profile Updated", user_id=user.id, user_properties={"email": user.email}))  # expect: pii-to-third-party user.contact.email
