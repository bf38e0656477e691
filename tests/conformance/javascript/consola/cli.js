import { consola, createConsola } from 'consola';

const logger = createConsola({ level: 4, formatOptions: { date: true } });
const authLog = logger.withTag('auth');

export async function login(username, password) {
  consola.start('Logging in');
  authLog.info(`user ${username}`); // expect: pii-to-log user.account.username
  authLog.debug('password:', password); // expect: pii-to-log user.authorization.password
  consola.success('Logged in');
}

export function whoami(profile) {
  logger.box(`Signed in as ${profile.email}`); // expect: pii-to-log user.contact.email
  consola.info('roles:', profile.roles.length);
  consola.withTag('profile').warn('phone not verified:', profile.phone); // expect: pii-to-log user.contact.phone_number
}
