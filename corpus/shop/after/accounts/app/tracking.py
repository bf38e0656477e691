"""Product analytics and error reporting of the accounts service."""

import segment.analytics as analytics
import sentry_sdk

from .util import hash_identifier


def track_signup(customer, plan):
    """Tell the analytics vendor that a customer signed up."""
    analytics.track(
        hash_identifier(customer.customer_ref),
        "Signed Up",
        {"plan": plan, "email": customer.email},
    )


def track_plan_change(customer_ref, plan):
    """Plan changes carry no personal data."""
    analytics.track(customer_ref, "Plan Changed", {"plan": plan})


def report_failure(customer, error):
    """Send a failed signup to the error tracker, with a hashed reference only."""
    sentry_sdk.capture_message(f"signup failed for {hash_identifier(customer.email)}: {error}")
