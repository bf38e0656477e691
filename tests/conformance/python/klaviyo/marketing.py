"""Klaviyo profiles and events (klaviyo-api)."""
import os

from klaviyo_api import KlaviyoAPI

klaviyo = KlaviyoAPI(os.environ["KLAVIYO_PRIVATE_KEY"], max_delay=60, max_retries=3)


def upsert_profile(customer):
    klaviyo.Profiles.create_or_update_profile(  # expect: pii-to-third-party user.contact.email user.contact.phone_number
        {"data": {"type": "profile", "attributes": {"email": customer.email, "phone_number": customer.phone}}}
    )


def placed_order(email, total):
    klaviyo.Events.create_event(  # expect: pii-to-third-party user.contact.email
        {
            "data": {
                "type": "event",
                "attributes": {
                    "properties": {"total": total},
                    "metric": {"data": {"type": "metric", "attributes": {"name": "Placed Order"}}},
                    "profile": {"data": {"type": "profile", "attributes": {"email": email}}},
                },
            }
        }
    )
