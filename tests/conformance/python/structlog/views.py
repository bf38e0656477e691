"""Checkout views logging with structlog: bound loggers carry their key-values."""
import structlog

from .payments import PaymentGateway

logger = structlog.get_logger()


def checkout(request):
    log = logger.bind(request_id=request.headers["X-Request-Id"])
    log.info("checkout.started", items=len(request.json["items"]))
    customer = request.json["customer"]
    log = log.bind(email=customer["email"])
    log.info("checkout.customer_bound")  # expect: pii-to-log user.contact.email
    gateway = PaymentGateway()
    gateway.authorize(customer["card_number"], request.json["total"])
    return {"status": "ok"}


def update_address(user, shipping_address):
    logger.info("address.updated", user=user.username, address=shipping_address)  # expect: pii-to-log user.account.username user.contact.address
    logger.info("address.update_done")


def login_failed(username, password):
    structlog.get_logger("auth").warning("login.failed", username=username)  # expect: pii-to-log user.account.username
    structlog.get_logger("auth").debug("login.attempt", password=password)  # expect: pii-to-log user.authorization.password


def shipping_label(order):
    logger.info(  # expect: pii-to-log user.name user.contact.address.postal_code
        "label.printed",
        order=order.id,
        recipient=order.full_name,
        zip=order.postal_code,
    )
