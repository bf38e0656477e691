"""New Relic custom attributes for the billing service."""
import newrelic.agent


def annotate_invoice(invoice, customer):
    newrelic.agent.add_custom_attribute("invoice.total", invoice.total)
    newrelic.agent.add_custom_attribute("customer.email", customer.email)  # expect: pii-to-third-party user.contact.email
    newrelic.agent.add_custom_attributes([("customer.phone", customer.phone), ("plan", customer.plan)])  # expect: pii-to-third-party user.contact.phone_number


def record_refund(customer, amount):
    newrelic.agent.record_custom_event("Refund", {"amount": amount, "iban": customer.iban})  # expect: pii-to-third-party user.financial.bank_account
