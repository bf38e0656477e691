import newrelic.agent
from newrelic import agent

from .monitoring import annotate_invoice, record_refund


@newrelic.agent.background_task(name="billing.charge")
def charge(invoice, customer):
    annotate_invoice(invoice, customer)
    txn = newrelic.agent.current_transaction()
    if txn is not None:
        txn.add_custom_attribute("billing.address", customer.billing_address)  # expect: pii-to-third-party user.contact.address
    try:
        customer.card.charge(invoice.total)
    except Exception:
        agent.notice_error(attributes={"card_number": customer.card_number})  # expect: pii-to-third-party user.financial.credit_card
        raise


def refund(customer, amount):
    record_refund(customer, amount)
    newrelic.agent.set_user_id(customer.email)  # expect: pii-to-third-party user.contact.email
