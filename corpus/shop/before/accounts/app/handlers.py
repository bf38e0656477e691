"""Request handlers of the accounts service.

Each handler takes the decoded JSON body of a request (and the records the
HTTP layer loaded for it) and returns the response body as a dict.
"""

import logging

from .models import Customer
from .notify import send_order_confirmation
from .util import hash_identifier, mask_email, normalise, welcome_customer, write_export

logger = logging.getLogger(__name__)

EXPORT_PATH = "/var/lib/shop/exports/birthdays.csv"


def register(body):
    """POST /accounts: create a customer and send the welcome message."""
    email = normalise(body["email"])
    customer = Customer(
        customer_ref=body.get("ref", "web"),
        email=email,
        full_name=body["full_name"],
        phone_number=body.get("phone_number", ""),
    )
    logger.info("new customer %s", mask_email(email))
    if "ssn" in body:
        logger.debug("identity reference %s", hash_identifier(body["ssn"]))
    welcome_customer(email)
    return {"status": "created", "ref": customer.customer_ref}


def change_phone(customer, body):
    """PATCH /accounts/phone: replace the customer's phone number."""
    previous = customer.phone_number
    customer.phone_number = body["phone_number"].strip()
    note = "phone changed, previous number %s" % previous
    logger.warning(note)
    return {"status": "updated"}


def print_receipt(customer, order):
    """GET /accounts/receipt: the receipt printed at the packing desk."""
    send_order_confirmation(order)
    print(f"Receipt for {customer.full_name}")
    for line in order.lines:
        print("  %-12s x%d  %8.2f" % (line.sku, line.quantity, line.unit_price))
    print("  total %.2f" % order.total)
    return {"status": "printed"}


def export_birthdays(customers):
    """POST /accounts/export: the birthday campaign's file."""
    active = [c for c in customers if c.active]
    write_export(EXPORT_PATH, active)
    return {"status": "exported", "count": len(active)}
