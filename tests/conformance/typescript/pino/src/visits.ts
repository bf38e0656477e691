import pino, { Logger } from 'pino';

type Patient = { mrn: string; email: string; diagnosis: string; phone: string };

const log: Logger = pino({ name: 'visits' });

export class VisitService {
  private readonly log: Logger;

  constructor() {
    this.log = pino().child({ component: 'visit-service' });
  }

  start(patient: Patient, room: string): void {
    this.log.info({ room }, 'visit started');
    this.log.info({ mrn: patient.mrn }, 'patient joined'); // expect: pii-to-log user.health_and_medical.record_id
    const visitLog: Logger = this.log.child({ phone: patient.phone });
    visitLog.error('call dropped'); // expect: pii-to-log user.contact.phone_number
  }
}

export function summarize(patient: Patient): void {
  log.debug('diagnosis %s', patient.diagnosis); // expect: pii-to-log user.health_and_medical
  log.info({ notes: 3 }, 'summary written');
}
