"""Password checks and geocoding of a new patient's address."""
import logging

import geocoder
from zxcvbn import zxcvbn

from .scheduling import schedule_reminder

log = logging.getLogger("accounts")


def check_password(password):
    result = zxcvbn(password)
    # a strength estimate of the password, not the password
    log.info("password strength %s, crack time %s", result["score"], result["crack_times_display"])
    return result["score"] >= 3


def register(email, first_name, address, password, first_visit):
    if not check_password(password):
        return False
    geo = geocoder.osm(address)
    log.info("geocoding status %s (%s)", geo.status, geo.ok)
    task_id = schedule_reminder(email, first_name, first_visit)
    log.info("first reminder %s", task_id)
    return True
