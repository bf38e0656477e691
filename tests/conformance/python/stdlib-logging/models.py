import logging

_LOG = logging.getLogger(__name__)


def load_account(account_id):
    _LOG.info("loading account")
    return {"id": account_id}
