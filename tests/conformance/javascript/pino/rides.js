import pino from 'pino';

const log = pino({ name: 'rides' });

export async function requestRide(rider, pickup) {
  log.info({ phone: rider.phone }, 'ride requested'); // expect: pii-to-log user.contact.phone_number
  log.info({ seats: pickup.seats }, 'seats requested');
  log.debug('pickup at %s,%s', pickup.latitude, pickup.longitude); // expect: pii-to-log user.location.precise
  const rideLog = log.child({ rider: rider.email });
  rideLog.info('searching driver'); // expect: pii-to-log user.contact.email
  rideLog.child({ attempt: 1 }).warn('no driver yet'); // expect: pii-to-log user.contact.email
  return { status: 'searching' };
}

export class DriverPayouts {
  constructor() {
    this.logger = pino().child({ module: 'payouts' });
  }

  pay(driver, amount) {
    this.logger.info({ amount }, 'payout');
    this.logger.error({ iban: driver.iban }, 'payout rejected'); // expect: pii-to-log user.financial.bank_account
  }
}

export function receipt(rider, ride) {
  log.info( // expect: pii-to-log user.contact.email
    {
      ride: ride.id,
      to: rider.email,
      fare: ride.fareCents,
    },
    'receipt sent',
  );
}
