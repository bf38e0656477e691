import elasticapm
from flask import Flask, g, request

from .apm import apm, init_app, report_sync_failure
from .catalog import annotate_catalog

app = Flask(__name__)
init_app(app)


@app.route("/orders", methods=["POST"])
def create_order():
    customer = g.customer
    elasticapm.set_user_context(username=customer.username, email=customer.email, user_id=customer.id)  # expect: pii-to-third-party user.account.username user.contact.email
    elasticapm.label(order_total=request.json["total"], shipping_city=request.json["city"])  # expect: pii-to-third-party user.contact.address.city
    elasticapm.set_custom_context({"phone": request.json["phone"]})  # expect: pii-to-third-party user.contact.phone_number
    annotate_catalog(request.json["items"])
    try:
        place(request.json)
    except RuntimeError:
        apm.capture_exception()
        apm.capture_message("order failed for " + request.json["email"])  # expect: pii-to-third-party user.contact.email
        report_sync_failure(customer)
        raise
    return {"ok": True}


def place(order):
    return order
