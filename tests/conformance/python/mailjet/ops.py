"""Negative file: the ops digest goes to a fixed team address."""
from .mail import mailjet


def send_digest(signups):
    data = {
        "Messages": [
            {
                "From": {"Email": "ops@shop.example"},
                "To": [{"Email": "team@shop.example"}],
                "Subject": "Daily digest",
                "TextPart": f"{signups} signups today",
            }
        ]
    }
    mailjet.send.create(data=data)
