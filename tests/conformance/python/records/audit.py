import json
import logging

from .models import ContactForm, Patient, Ward

log = logging.getLogger(__name__)


def admitted(patient: Patient, ward: Ward) -> None:
    log.info("admitted %s", patient)  # expect: pii-to-log user.health_and_medical.record_id user.name user.demographic.date_of_birth
    log.info("ward %s has room", ward)
    log.info("ward of the admission: %s", patient.ward)


def received(form: ContactForm) -> str:
    print(form.model_dump_json())  # expect: pii-to-stdout user.contact.email user.contact.phone_number
    log.debug("message of %d characters", len(form.message))
    return json.dumps({"ok": True})
