"""Negative file: counters and fixed labels only."""
import newrelic.agent


def report_batch(invoices, region):
    newrelic.agent.add_custom_attribute("batch.size", len(invoices))
    newrelic.agent.add_custom_attribute("region", region)
    newrelic.agent.record_custom_event("BatchDone", {"count": len(invoices), "failed": 0})
    newrelic.agent.add_custom_attributes([("job", "nightly"), ("attempt", 1)])
