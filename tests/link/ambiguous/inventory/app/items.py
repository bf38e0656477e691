import logging

from flask import Flask, request

app = Flask(__name__)
log = logging.getLogger(__name__)


@app.post("/items/<int:item_id>/reserve")
def reserve(item_id):
    body = request.get_json()
    log.info("reserved for %s", body["email"])
    return {"ok": True}
