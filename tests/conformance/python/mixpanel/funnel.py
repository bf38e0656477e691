"""Negative file: funnel steps for an anonymous cohort."""
from mixpanel import Mixpanel

tracker = Mixpanel("project-token")


def step(name, position):
    tracker.track("cohort-2024-06", "Funnel Step", {"step": name, "position": position})
