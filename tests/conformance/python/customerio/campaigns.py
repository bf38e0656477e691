"""Negative file: anonymous campaign events."""
from .messaging import cio


def campaign_sent(name):
    cio.track_anonymous(anonymous_id="server", name="campaign_sent", campaign=name, recipients=1200)
