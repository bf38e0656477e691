"""Negative file: request attributes are service names and versions."""
from .tracing import sdk


def tag_health(service):
    sdk.add_custom_request_attribute("service", service)
    sdk.add_custom_request_attribute("build", "2024.06.1")
    sdk.add_custom_request_attribute("replicas", 3)
