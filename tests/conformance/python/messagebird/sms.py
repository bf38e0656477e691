"""SMS through MessageBird."""
import os

import messagebird

client = messagebird.Client(os.environ["MESSAGEBIRD_ACCESS_KEY"])


def send_code(phone, code):
    client.message_create("Shop", phone, f"Your code is {code}", {"reference": "otp"})  # expect: pii-to-third-party user.contact.phone_number


def delivery_notice(order):
    client.message_create("Shop", order.phone, f"Parcel for {order.full_name} is on its way")  # expect: pii-to-third-party user.contact.phone_number user.name
