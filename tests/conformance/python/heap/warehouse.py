"""Negative file: warehouse events for a service identity."""
from .heap_events import client


def restocked(sku):
    client.track("warehouse-service", "Restocked", {"sku": sku, "units": 40})
