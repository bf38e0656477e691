"""Negative file: anonymous catalogue events."""
from snowplow_tracker import Emitter, Tracker

anonymous = Tracker(namespace="shop", emitters=Emitter("collector.shop.example"))


def viewed_category(category):
    anonymous.track_struct_event("catalog", "view", label=category)
    anonymous.track_page_view("https://shop.example/c/" + category, "Category")
