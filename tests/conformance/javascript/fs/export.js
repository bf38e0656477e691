const fs = require('fs');
const fsp = require('fs/promises');
const path = require('path');

function exportProfile(dir, profile) {
  const file = path.join(dir, `${profile.id}.json`);
  fs.writeFileSync(file, JSON.stringify({ email: profile.email, dob: profile.dateOfBirth })); // expect: pii-to-file user.contact.email user.demographic.date_of_birth
  fs.appendFileSync(path.join(dir, 'index.txt'), `${profile.id}\n`);
}

async function exportAddresses(dir, profile) {
  await fsp.writeFile(path.join(dir, 'address.txt'), profile.shippingAddress); // expect: pii-to-file user.contact.address
}

function appendAudit(email, ipAddress) {
  const out = fs.createWriteStream('/var/audit/logins.log', { flags: 'a' });
  out.write(`${new Date().toISOString()} ${email} ${ipAddress}\n`); // expect: pii-to-file user.contact.email user.device.ip_address
  out.end();
}

module.exports = { exportProfile, exportAddresses, appendAudit };
