"""Negative file: spans carry table names, counts and hashed keys."""
import hashlib

from opentelemetry import trace

tracer = trace.get_tracer(__name__)


class User:
    def __init__(self, id, email, phone, role="member"):
        self.id = id
        self.email = email
        self.phone = phone
        self.role = role


def save_user(email, phone):
    with tracer.start_as_current_span("db.insert") as span:
        span.set_attribute("db.system", "postgresql")
        span.set_attribute("db.sql.table", "users")
        span.set_attribute("user.key", hashlib.sha256(email.encode()).hexdigest())
        span.add_event("inserted", attributes={"rows": 1})
    return User(1, email, phone)
