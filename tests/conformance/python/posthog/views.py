from django.http import JsonResponse

from .analytics import identify, signed_up
from .flags import feature_seen


def signup(request):
    identify(request.user)
    signed_up(request.user, request.GET.get("ref"), request.POST["phone"])
    feature_seen("new-onboarding")
    return JsonResponse({"ok": True})
