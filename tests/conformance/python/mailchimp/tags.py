"""Negative file: segment and campaign maintenance without members."""
from .audience import LIST_ID, client


def tag_campaign(name):
    client.lists.create_segment(LIST_ID, {"name": f"campaign-{name}", "static_segment": []})
    client.lists.update_list(LIST_ID, {"campaign_defaults": {"subject": "Spring news", "language": "en"}})
