"""APM helpers: the ddtrace tracer tags spans with request details."""
from ddtrace import tracer
from ddtrace.appsec.trace_utils import track_user_login_success_event


def tag_checkout(order, customer):
    span = tracer.current_span()
    if span is None:
        return
    span.set_tag("order.total", order.total)
    span.set_tag("customer.email", customer.email)  # expect: pii-to-third-party user.contact.email
    root = tracer.current_root_span()
    root.set_tags({"customer.phone": customer.phone, "order.items": len(order.items)})  # expect: pii-to-third-party user.contact.phone_number


def login_succeeded(user_id, email, name):
    track_user_login_success_event(tracer, user_id, metadata={"email": email})  # expect: pii-to-third-party user.contact.email user.unique_id
