"""Newsletter audience in Mailchimp Marketing."""
import hashlib
import os

import mailchimp_marketing as MailchimpMarketing

client = MailchimpMarketing.Client()
client.set_config({"api_key": os.environ["MAILCHIMP_API_KEY"], "server": "us21"})
LIST_ID = os.environ["MAILCHIMP_LIST_ID"]


def subscribe(email, first_name):
    client.lists.add_list_member(  # expect: pii-to-third-party user.contact.email user.name.first
        LIST_ID, {"email_address": email, "status": "subscribed", "merge_fields": {"FNAME": first_name}}
    )


def update_phone(email, phone):
    subscriber_hash = hashlib.md5(email.lower().encode()).hexdigest()
    client.lists.update_list_member(LIST_ID, subscriber_hash, {"merge_fields": {"PHONE": phone}})  # expect: pii-to-third-party user.contact.phone_number
