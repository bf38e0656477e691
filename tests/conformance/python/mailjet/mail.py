"""Transactional mail through Mailjet's Send API v3.1."""
import os

from mailjet_rest import Client

mailjet = Client(auth=(os.environ["MJ_APIKEY_PUBLIC"], os.environ["MJ_APIKEY_PRIVATE"]), version="v3.1")


def send_welcome(customer):
    data = {
        "Messages": [
            {
                "From": {"Email": "hello@shop.example", "Name": "Shop"},
                "To": [{"Email": customer.email, "Name": customer.full_name}],
                "TemplateID": 4242,
            }
        ]
    }
    return mailjet.send.create(data=data)  # expect: pii-to-third-party user.contact.email user.name


def subscribe(email):
    return mailjet.contact.create(data={"Email": email, "IsExcludedFromCampaigns": False})  # expect: pii-to-third-party user.contact.email
