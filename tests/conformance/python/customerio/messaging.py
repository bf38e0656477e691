"""Customer.io Track API."""
import os

from customerio import CustomerIO, Regions

cio = CustomerIO(os.environ["CIO_SITE_ID"], os.environ["CIO_API_KEY"], region=Regions.EU)


def identify(customer):
    cio.identify(id=customer.id, email=customer.email, first_name=customer.first_name, plan=customer.plan)  # expect: pii-to-third-party user.contact.email user.name.first


def cart_abandoned(customer_id, shipping_address):
    cio.track(customer_id=customer_id, name="cart_abandoned", shipping_address=shipping_address)  # expect: pii-to-third-party user.contact.address
