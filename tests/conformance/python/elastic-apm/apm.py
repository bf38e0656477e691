"""Elastic APM for the Flask app and for the background worker."""
import elasticapm
from elasticapm.contrib.flask import ElasticAPM

apm = ElasticAPM()
worker_client = elasticapm.Client(service_name="orders-worker")


def init_app(app):
    apm.init_app(app, service_name="orders")


def report_sync_failure(customer):
    worker_client.capture_message(f"sync failed for {customer.email}")  # expect: pii-to-third-party user.contact.email
