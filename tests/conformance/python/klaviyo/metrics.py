"""Negative file: catalogue sync events for the store's service profile."""
from .marketing import klaviyo


def catalog_synced(items):
    klaviyo.Events.create_event(
        {
            "data": {
                "type": "event",
                "attributes": {
                    "properties": {"items": items},
                    "metric": {"data": {"type": "metric", "attributes": {"name": "Catalog Synced"}}},
                    "profile": {"data": {"type": "profile", "attributes": {"external_id": "store-service"}}},
                },
            }
        }
    )
