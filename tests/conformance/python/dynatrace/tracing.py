"""Dynatrace OneAgent SDK for Python: request attributes on the current request."""
import oneagent

if not oneagent.initialize():
    raise RuntimeError("OneAgent SDK could not start")

sdk = oneagent.get_sdk()


def tag_request(account):
    sdk.add_custom_request_attribute("account.tier", account.tier)
    sdk.add_custom_request_attribute("account.email", account.email)  # expect: pii-to-third-party user.contact.email
