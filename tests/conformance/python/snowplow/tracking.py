"""Snowplow events from the server (snowplow-tracker)."""
from snowplow_tracker import Emitter, Subject, Tracker

emitter = Emitter("collector.shop.example")


def tracker_for(email):
    subject = Subject()
    subject.set_user_id(email)  # expect: pii-to-third-party user.contact.email
    return Tracker(namespace="shop", emitters=emitter, subject=subject)


def added_to_basket(tracker, sku, postcode):
    tracker.track_struct_event("basket", "add", label=sku, property_=postcode)  # expect: pii-to-third-party user.contact.address.postal_code
