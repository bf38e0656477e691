from django.http import JsonResponse

from .search import index_member, update_phone
from .catalog import reindex_products


def profile_saved(request):
    index_member(request.user)
    update_phone(request.user.pk, request.POST["phone"])
    reindex_products()
    return JsonResponse({"ok": True})
