from .errors import invoice_failed
from .health import provider_down


def send_invoice(customer):
    try:
        raise RuntimeError("smtp refused")
    except RuntimeError as exc:
        invoice_failed(exc, customer)
        provider_down("smtp")
