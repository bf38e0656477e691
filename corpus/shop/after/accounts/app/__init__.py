"""Accounts service of the shop: sign-up, profile changes and exports.

The HTTP layer (not part of this package) decodes each request's JSON body
and calls the matching handler in app.handlers with it.
"""

import logging

__version__ = "1.4.2"

ROUTES = {
    ("POST", "/accounts"): "register",
    ("PATCH", "/accounts/phone"): "change_phone",
    ("GET", "/accounts/receipt"): "print_receipt",
    ("POST", "/accounts/export"): "export_birthdays",
}


def configure_logging(level=logging.INFO):
    """One line per record on stderr; the platform ships stderr to the log store."""
    logging.basicConfig(level=level, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    logging.getLogger("app").setLevel(level)
