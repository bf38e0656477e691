"""Feature flags with the LaunchDarkly server-side SDK."""
import os

import ldclient
from ldclient import Context
from ldclient.config import Config

ldclient.set_config(Config(os.environ["LAUNCHDARKLY_SDK_KEY"]))
client = ldclient.get()


def user_context(user):
    return Context.builder(user.key).kind("user").set("email", user.email).name(user.full_name).build()


def new_checkout_enabled(user):
    return client.variation("new-checkout", user_context(user), False)  # expect: pii-to-third-party user.contact.email user.name


def track_conversion(user, total):
    ldclient.get().track("checkout-completed", user_context(user), metric_value=total)  # expect: pii-to-third-party user.contact.email user.name
