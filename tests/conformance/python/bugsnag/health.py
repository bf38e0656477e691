"""Negative file: latency warnings."""
import bugsnag


def warn_slow(seconds):
    if seconds > 1:
        bugsnag.leave_breadcrumb("slow payment provider", metadata={"seconds": seconds})
        bugsnag.notify(RuntimeError("provider slow"), metadata={"provider": {"name": "acme-pay"}})
