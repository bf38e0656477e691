"""Mixpanel server-side tracking."""
import os

from mixpanel import Mixpanel

mp = Mixpanel(os.environ["MIXPANEL_TOKEN"])


def profile(user):
    mp.people_set(user.id, {"$email": user.email, "$phone": user.phone, "plan": user.plan})  # expect: pii-to-third-party user.contact.email user.contact.phone_number


def purchase(user, order, card_last4):
    mp.track(user.id, "Purchase", {"total": order.total, "zip": order.zip})  # expect: pii-to-third-party user.contact.address.postal_code
