"""Brevo transactional email and contacts (brevo-python)."""
import os

import brevo_python

configuration = brevo_python.Configuration()
configuration.api_key["api-key"] = os.environ["BREVO_API_KEY"]
emails_api = brevo_python.TransactionalEmailsApi(brevo_python.ApiClient(configuration))
contacts_api = brevo_python.ContactsApi(brevo_python.ApiClient(configuration))


def send_receipt(order):
    message = brevo_python.SendSmtpEmail(
        to=[{"email": order.email, "name": order.customer_name}],
        template_id=7,
        params={"total": order.total},
    )
    emails_api.send_transac_email(message)  # expect: pii-to-third-party user.contact.email user.name


def add_contact(email, phone):
    contacts_api.create_contact(brevo_python.CreateContact(email=email, attributes={"SMS": phone}, list_ids=[3]))  # expect: pii-to-third-party user.contact.email user.contact.phone_number
