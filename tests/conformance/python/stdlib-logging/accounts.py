"""Account service: the standard library's logging, used the ways real code uses it."""
import logging
import logging.handlers as handlers

from .models import load_account

logger = logging.getLogger(__name__)
audit = logging.getLogger("audit").getChild("accounts")


def _configure():
    handler = handlers.RotatingFileHandler("/var/log/accounts.log")
    logger.addHandler(handler)


def register(request):
    email = request.form["email"]
    logger.info("registering %s", email)  # expect: pii-to-log user.contact.email
    account = load_account(request.form["account_id"])
    audit.warning("account for %s", request.form["phone"])  # expect: pii-to-log user.contact.phone_number
    logging.getLogger(__name__).debug("ssn=%s", request.form["ssn"])  # expect: pii-to-log user.government_id.national_identification_number
    return account


class Importer:
    def __init__(self, source):
        self.source = source
        self.log = logging.getLogger(self.__class__.__name__)

    def run(self, row):
        self.log.error("bad row for %s", row["email"])  # expect: pii-to-log user.contact.email
