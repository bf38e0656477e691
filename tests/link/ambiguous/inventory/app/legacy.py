import logging

from flask import Blueprint, request

bp = Blueprint("legacy", __name__)
log = logging.getLogger(__name__)


# The old route, still registered: the same template as items.reserve.
@bp.post("/items/<item_id>/reserve")
def reserve_legacy(item_id):
    data = request.get_json()
    log.warning("legacy reservation by %s", data["email"])
    return {"ok": True}
