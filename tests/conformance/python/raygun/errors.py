"""Raygun crash reporting (raygun4py)."""
import os

from raygun4py import raygunprovider

client = raygunprovider.RaygunSender(os.environ["RAYGUN_API_KEY"])


def invoice_failed(exc, customer):
    client.set_user({"identifier": customer.id, "email": customer.email, "fullName": customer.full_name})  # expect: pii-to-third-party user.contact.email user.name
    client.send_exception(exc, userCustomData={"billing_address": customer.billing_address})  # expect: pii-to-third-party user.contact.address
