"""Statsig gates and events (python server SDK)."""
import os

from statsig import StatsigEvent, StatsigUser, statsig

statsig.initialize(os.environ["STATSIG_SERVER_SECRET"])


def statsig_user(user):
    return StatsigUser(user_id=user.id, email=user.email, country=user.country)


def sees_new_pricing(user):
    return statsig.check_gate(statsig_user(user), "new_pricing")  # expect: pii-to-third-party user.contact.email user.contact.address.country


def purchased(user, total, phone):
    statsig.log_event(StatsigEvent(statsig_user(user), "purchase", value=total, metadata={"phone": phone}))  # expect: pii-to-third-party user.contact.email user.contact.address.country user.contact.phone_number
