from django.http import JsonResponse

from .support import invited, sync_user
from .usage import seat_count


def invite(request):
    sync_user(request.user)
    invited("member-1", request.POST["email"])
    seat_count(12)
    return JsonResponse({"ok": True})
