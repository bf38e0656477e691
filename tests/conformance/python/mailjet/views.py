from django.http import JsonResponse

from .mail import send_welcome, subscribe
from .ops import send_digest


def signup(request):
    send_welcome(request.user)
    subscribe(request.POST["email"])
    send_digest(12)
    return JsonResponse({"ok": True})
