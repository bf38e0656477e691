"""Negative file: usage events carry an opaque id and counts."""
import segment.analytics as analytics


def track_usage(account_ref, seats):
    analytics.track(account_ref, "Seats Updated", {"seats": seats, "source": "billing"})
    analytics.page(account_ref, "Billing", "Plans", {"experiment": "pricing-v2"})
