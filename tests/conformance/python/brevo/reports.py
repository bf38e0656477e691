"""Negative file: the sales report to a fixed list."""
import brevo_python

from .mail import emails_api


def send_report(orders):
    emails_api.send_transac_email(
        brevo_python.SendSmtpEmail(to=[{"email": "sales@shop.example"}], subject="Daily sales", text_content=f"{orders} orders")
    )
