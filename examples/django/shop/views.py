"""Views that fail the ways a real shop does."""
import logging

import sentry_sdk
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt

from . import payments

logger = logging.getLogger(__name__)


def average_price(prices):
    return sum(prices) / len(prices)


def health(request):
    return JsonResponse({"ok": True})


def checkout(request):
    """An unhandled error: Django's integration reports it, the client gets a 500."""
    return JsonResponse({"average": average_price([])})


def payment(request):
    """A logged error without an exception: `logging.error` with arguments."""
    logger.error("payment failed for order %s", 123)
    return JsonResponse({"ok": False})


def quantity(request):
    """A handled exception logged with `logging.exception`."""
    try:
        int(request.GET.get("q", "abc"))
    except ValueError:
        logger.exception("could not parse quantity")
    return JsonResponse({"ok": False})


def inventory(request):
    sentry_sdk.capture_message("inventory low for sku A-1", level="warning")
    return JsonResponse({"ok": True})


@csrf_exempt
def pay(request):
    """An unhandled error deep in the payment flow, with secrets in every frame's locals."""
    form = request.POST.dict()
    password_confirmation = form.get("password")
    client_ip = request.META.get("REMOTE_ADDR")
    result = payments.pay(form, client_ip)
    return JsonResponse({"ok": bool(result and password_confirmation)})


def admin_only(request):
    """Django turns this into a 403 without the SDK seeing an error."""
    raise PermissionDenied("staff only")
