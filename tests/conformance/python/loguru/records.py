from loguru import logger as log


class RecordStore:
    def __init__(self):
        self.log = log.bind(component="records")

    def file_record(self, medical_record_number, diagnosis):
        self.log.info("saving record {}", medical_record_number)  # expect: pii-to-log user.health_and_medical.record_id
        self.log.trace("diagnosis: {}", diagnosis)  # expect: pii-to-log user.health_and_medical
        self.log.info("saved")
