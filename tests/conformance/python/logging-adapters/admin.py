"""Admin actions, logged through the loggers of logs.py."""
from . import logs
from .logs import access, audit


def impersonate(admin, target_email):
    audit.warning("%s impersonates %s", admin.username, target_email)  # expect: pii-to-log user.account.username user.contact.email
    audit.info("impersonation started")


def export_user(user):
    access.info("export of %s", user.phone_number)  # expect: pii-to-log user.contact.phone_number
    logs.audit.error("export failed for %s", user.email)  # expect: pii-to-log user.contact.email
