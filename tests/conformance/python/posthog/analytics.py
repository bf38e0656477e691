"""PostHog's Python client, made once for the app."""
import os

from posthog import Posthog

posthog = Posthog(os.environ["POSTHOG_API_KEY"], host="https://eu.i.posthog.com")


def identify(user):
    posthog.identify(user.id, {"email": user.email, "name": user.full_name})  # expect: pii-to-third-party user.contact.email user.name


def signed_up(user, referrer, phone):
    posthog.capture(user.id, "user signed up", {"referrer": referrer, "phone": phone})  # expect: pii-to-third-party user.contact.phone_number
