import structlog


class PaymentGateway:
    def __init__(self):
        self.log = structlog.get_logger(__name__).bind(component="gateway")

    def authorize(self, card_number, total):
        self.log.info("authorize", amount=total)
        self.log.error("authorize.declined", card=card_number)  # expect: pii-to-log user.financial.credit_card
        self.log.new(card_number=card_number).warning("authorize.retry")  # expect: pii-to-log user.financial.credit_card
