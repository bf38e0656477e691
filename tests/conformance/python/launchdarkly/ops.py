"""Negative file: operational flags are evaluated for a service context."""
import ldclient
from ldclient import Context

service = Context.builder("checkout-service").kind("service").set("region", "eu-west-1").build()


def maintenance_mode():
    return ldclient.get().variation("maintenance-mode", service, False)
