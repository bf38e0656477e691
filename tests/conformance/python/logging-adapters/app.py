"""Signup service: stdlib logging through aliases, adapters and child loggers."""
import logging as lg
import logging.config
from logging import getLogger, LoggerAdapter

from . import settings

logging.config.dictConfig(settings.LOGGING)

log = getLogger(__name__)
security = lg.getLogger("security")
billing_log = security.getChild("billing")


class RequestAdapter(LoggerAdapter):
    def process(self, msg, kwargs):
        return "[%s] %s" % (self.extra["request_id"], msg), kwargs


def signup(request):
    form = request.form
    log.info("new signup from %s", form["email"])  # expect: pii-to-log user.contact.email
    log.debug("signup form has %d fields", len(form))
    adapter = RequestAdapter(log, {"request_id": request.headers.get("X-Request-Id")})
    adapter.info("phone on file: %s", form["phone"])  # todo: pii-to-log user.contact.phone_number (adapter made by a local subclass of logging.LoggerAdapter: makes does not follow class bases)
    adapter.info("signup accepted")
    return {"ok": True}


def change_password(user, new_password):
    security.warning("password change for %s", user.email)  # expect: pii-to-log user.contact.email
    security.debug("new password %s", new_password)  # expect: pii-to-log user.authorization.password
    security.info("password changed")


def charge(order, card_number):
    billing_log.info("charging order %s", order.id)
    billing_log.error("card %s declined", card_number)  # expect: pii-to-log user.financial.credit_card


def import_rows(rows):
    for row in rows:
        try:
            settings.validate(row)
        except ValueError:
            lg.exception("bad row for %s", row["ssn"])  # expect: pii-to-log user.government_id.national_identification_number
            lg.warning("skipping a row")
        lg.log(lg.INFO, "imported %s", row["date_of_birth"])  # expect: pii-to-log user.demographic.date_of_birth
