"""Wide events to Honeycomb with libhoney."""
import os

import libhoney

libhoney.init(writekey=os.environ["HONEYCOMB_API_KEY"], dataset="signups")


def signup_event(form, duration_ms):
    ev = libhoney.new_event()
    ev.add_field("duration_ms", duration_ms)
    ev.add_field("email", form["email"])  # expect: pii-to-third-party user.contact.email
    ev.add({"phone": form["phone"], "plan": form["plan"]})  # expect: pii-to-third-party user.contact.phone_number
    ev.send()


def geo_event(ip_address):
    libhoney.send_now({"client_ip": ip_address, "kind": "geo"})  # expect: pii-to-third-party user.device.ip_address
