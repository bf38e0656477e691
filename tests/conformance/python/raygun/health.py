"""Negative file: provider outages."""
from .errors import client


def provider_down(name):
    client.send_exception(RuntimeError(f"{name} unavailable"), tags=["outage"], userCustomData={"provider": name})
