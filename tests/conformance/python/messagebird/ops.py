"""Negative file: pages the on-call number from configuration."""
import os

from .sms import client

ONCALL = os.environ["ONCALL_NUMBER"]


def page_oncall(problem):
    client.message_create("Ops", ONCALL, f"alert: {problem}")
