"""Product analytics through Segment (segment-analytics-python)."""
import os

import segment.analytics as analytics
from segment.analytics import Client

analytics.write_key = os.environ["SEGMENT_WRITE_KEY"]
backend = Client(os.environ["SEGMENT_BACKEND_KEY"], max_queue_size=10000)


def identify_user(user):
    analytics.identify(user.id, {"email": user.email, "name": user.full_name, "plan": user.plan})  # expect: pii-to-third-party user.contact.email user.name


def track_order(user, order, address):
    analytics.track(user.id, "Order Completed", {"total": order.total, "shipping_address": address})  # expect: pii-to-third-party user.contact.address


def group_company(user, company):
    backend.group(user.id, company.id, {"name": company.name, "billing_email": company.billing_email})  # expect: pii-to-third-party user.contact.email
