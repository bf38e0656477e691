"""Negative file: feature exposure events for a service account."""
from .analytics import posthog


def feature_seen(flag):
    posthog.capture("service-account", "$feature_flag_called", {"$feature_flag": flag, "$feature_flag_response": True})
