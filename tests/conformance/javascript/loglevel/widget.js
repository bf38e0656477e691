const log = require('loglevel');

log.setLevel(process.env.NODE_ENV === 'production' ? 'warn' : 'debug');
const apiLog = log.getLogger('api');

function submitBooking(form) {
  log.debug('booking form', form.email); // expect: pii-to-log user.contact.email
  log.info('booking for', form.guests, 'guests');
  apiLog.warn('retrying booking of', form.fullName); // expect: pii-to-log user.name
  return fetch('/api/bookings', { method: 'POST', body: JSON.stringify({ guests: form.guests }) });
}

function showConfirmation(booking) {
  apiLog.info('confirmation', booking.reference);
  apiLog.error('could not text', booking.mobileNumber); // expect: pii-to-log user.contact.phone_number
}

module.exports = { submitBooking, showConfirmation };
