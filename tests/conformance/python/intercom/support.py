"""Intercom contacts and events (python-intercom)."""
import os

from intercom.client import Client

intercom = Client(personal_access_token=os.environ["INTERCOM_TOKEN"])


def sync_user(member):
    intercom.users.create(user_id=str(member.id), email=member.email, name=member.full_name)  # expect: pii-to-third-party user.contact.email user.name


def invited(inviter_id, invitee_email):
    intercom.events.create(event_name="invited-teammate", user_id=inviter_id, metadata={"invitee_email": invitee_email})  # expect: pii-to-third-party user.contact.email
