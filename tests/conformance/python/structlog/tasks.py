"""Negative file: bound context is an order id and counts."""
import hashlib

import structlog

log = structlog.get_logger(__name__)


def reconcile(batch):
    bound = log.bind(batch_id=batch.id, size=len(batch.rows))
    bound.info("reconcile.start")
    for row in batch.rows:
        bound.debug("reconcile.row", order_id=row.order_id, total=row.total_cents)
        bound.debug("reconcile.owner", owner=hashlib.sha256(row.email.encode()).hexdigest())
    bound.info("reconcile.done", failed=0)
