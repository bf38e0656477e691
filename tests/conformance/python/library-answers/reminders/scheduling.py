"""Appointment reminders: a rate limiter, a task queue and a template."""
import base64
import logging
from datetime import datetime

from celery import Celery
from flask import render_template
from limits import RateLimitItemPerMinute, storage, strategies

log = logging.getLogger("reminders")
celery_app = Celery("reminders", broker="redis://queue:6379/0")
limiter = strategies.MovingWindowRateLimiter(storage.MemoryStorage())
per_minute = RateLimitItemPerMinute(5)


def schedule_reminder(email, first_name, when: datetime):
    allowed = limiter.hit(per_minute, email)
    # the limiter answers yes or no about the address: not the address
    log.info("rate limit check for reminder: %s", allowed)
    if not allowed:
        return None
    task = celery_app.send_task("reminders.send", args=[email, first_name], eta=when)
    log.info("reminder queued as task %s", task)
    log.debug("reminder task state %s", task.state)
    subject = "Your appointment, {}".format(first_name)
    log.info("subject line: %s", subject)  # expect: pii-to-log user.name.first
    body = render_template("reminder.txt", name=first_name, when=when)
    log.debug("rendered reminder %s", body)  # expect: pii-to-log user.name.first
    token = base64.urlsafe_b64encode(email.encode()).decode()
    log.info("unsubscribe token %s", token)  # expect: pii-to-log user.contact.email
    return task.id
