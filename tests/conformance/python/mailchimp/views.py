from django.http import JsonResponse

from .audience import subscribe, update_phone
from .tags import tag_campaign


def newsletter(request):
    subscribe(request.POST["email"], request.POST["first_name"])
    update_phone(request.POST["email"], request.POST["phone"])
    tag_campaign("spring")
    return JsonResponse({"ok": True})
