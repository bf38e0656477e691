from django.http import JsonResponse
from ddtrace import tracer

from .tracing import login_succeeded, tag_checkout
from .orders import load_order


@tracer.wrap(service="shop", resource="checkout")
def checkout(request):
    order = load_order(request.POST["order_id"])
    tag_checkout(order, request.user)
    with tracer.trace("checkout.address") as span:
        span.set_tag("shipping.address", request.POST["shipping_address"])  # expect: pii-to-third-party user.contact.address
        span.set_tag("shipping.country", request.POST["country"])  # expect: pii-to-third-party user.contact.address.country
    return JsonResponse({"ok": True})


def login(request):
    login_succeeded(request.POST["user_id"], request.POST["email"], request.POST["name"])
    return JsonResponse({"ok": True})
