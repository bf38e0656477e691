"""Patient portal logging with loguru."""
import sys

from loguru import logger

from .records import RecordStore

logger.remove()
logger.add(sys.stderr, format="{time} {level} {message} {extra}")
logger.add("portal.log", rotation="10 MB", serialize=True)


def register_patient(form):
    logger.info("registering patient {}", form["full_name"])  # expect: pii-to-log user.name
    logger.info("registration form received")
    logger.debug("insurance id {id}", id=form["insurance_id"])  # expect: pii-to-log user.health_and_medical.insurance_beneficiary_id
    store = RecordStore()
    store.file_record(form["medical_record_number"], form["diagnosis"])


def contact(patient):
    ctx = logger.bind(email=patient.email)
    ctx.info("sending appointment reminder")  # expect: pii-to-log user.contact.email
    logger.bind(visit=patient.visit_id).info("reminder queued")
    with logger.contextualize(phone=patient.phone):
        logger.info("reminder sms queued")  # todo: pii-to-log user.contact.phone_number (logger.contextualize() binds its values to every log of the with-block through a context variable: nothing ties them to later calls)


@logger.catch
def lookup(phone_number):
    logger.opt(lazy=True).debug("lookup {}", lambda: phone_number)  # todo: pii-to-log user.contact.phone_number (the value is returned by a lambda that opt(lazy=True) calls: a closure's captured variable does not flow into the call)
    logger.opt(colors=True).warning("<red>no match</red> for {}", phone_number)  # expect: pii-to-log user.contact.phone_number
    logger.success("lookup finished")
