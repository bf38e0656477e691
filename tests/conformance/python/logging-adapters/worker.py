"""A worker whose logger lives in a field set by the constructor."""
import logging


class MailWorker:
    def __init__(self, queue):
        self.queue = queue
        self._logger = logging.getLogger(__name__).getChild("mail")
        self.audit = logging.LoggerAdapter(logging.getLogger("audit"), {"worker": "mail"})

    def send(self, message):
        self._logger.info("sending to %s", message.recipient_email)  # expect: pii-to-log user.contact.email
        self._logger.info("queue depth %d", self.queue.qsize())
        self.audit.info("delivered to %s at %s", message.recipient_email, message.ip_address)  # expect: pii-to-log user.contact.email user.device.ip_address

    def bounce(self, message):
        self._logger.warning("message %s bounced", message.message_id)
        self.audit.critical("bounce for %s", message.first_name)  # expect: pii-to-log user.name.first
