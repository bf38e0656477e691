from flask import Flask, g, request

from .tracing import sdk, tag_request
from .health import tag_health

app = Flask(__name__)


@app.route("/accounts", methods=["PUT"])
def update_account():
    tag_request(g.account)
    sdk.add_custom_request_attribute("account.phone", request.json["phone"])  # expect: pii-to-third-party user.contact.phone_number
    sdk.add_custom_request_attribute("account.iban", request.json["iban"])  # expect: pii-to-third-party user.financial.bank_account
    tag_health("accounts")
    return {"ok": True}
