"""Admin actions, logged through the loggers of logs.py."""
from . import logs
from .logs import access, audit


def impersonate(admin, target_email):
    audit.warning("%s impersonates %s", admin.username, target_email)  # todo: pii-to-log user.account.username user.contact.email (a logger made in another module and imported by name: what made it is not followed across modules)
    audit.info("impersonation started")


def export_user(user):
    access.info("export of %s", user.phone_number)  # todo: pii-to-log user.contact.phone_number (a LoggerAdapter made in another module and imported by name: what made it is not followed across modules)
    logs.audit.error("export failed for %s", user.email)  # todo: pii-to-log user.contact.email (a logger read as an attribute of an imported module, logs.audit: what made it is not followed across modules)
