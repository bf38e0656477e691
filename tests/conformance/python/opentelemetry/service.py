from fastapi import FastAPI
from opentelemetry import baggage, context
from pydantic import BaseModel

from .telemetry import annotate_user, tracer
from .repo import save_user

app = FastAPI()


class Registration(BaseModel):
    email: str
    phone: str
    date_of_birth: str


@app.post("/register")
def register(body: Registration):
    with tracer.start_as_current_span("register") as span:
        span.set_attribute("registration.email", body.email)  # expect: pii-to-third-party user.contact.email
        span.add_event("validated", attributes={"dob": body.date_of_birth})  # expect: pii-to-third-party user.demographic.date_of_birth
        ctx = baggage.set_baggage("user.email", body.email)  # expect: pii-to-third-party user.contact.email
        token = context.attach(ctx)
        save_user(body.email, body.phone)
        annotate_user(body)
        context.detach(token)
    return {"ok": True}
