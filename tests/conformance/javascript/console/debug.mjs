export function debugSession(session, password) {
  console.debug('session for', session.username); // expect: pii-to-stdout user.account.username
  console.warn('password received:', password); // expect: pii-to-stdout user.authorization.password
  console.log('session valid:', Boolean(session.expiresAt > Date.now()));
}
