const signale = require('signale');
const { Signale } = require('signale');

const audit = new Signale({ scope: 'audit', types: { grant: { badge: '+', color: 'green', label: 'grant' } } });

function grantAccess(member, repo) {
  signale.pending(`granting ${repo} to ${member.username}`); // expect: pii-to-log user.account.username
  audit.success('granted to', member.email); // expect: pii-to-log user.contact.email
  signale.complete('access granted');
  const scoped = audit.scope('audit', 'billing');
  scoped.note('billing contact', member.billingAddress); // expect: pii-to-log user.contact.address
}

module.exports = { grantAccess };
