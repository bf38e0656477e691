"""Negative file: a gate evaluated for a service, not a person."""
from statsig import StatsigUser, statsig


def region_gate(region):
    service = StatsigUser(user_id="checkout-service", custom={"region": region})
    return statsig.check_gate(service, "region_enabled")
