#!/usr/bin/env node
const { readUsers } = require('./csv');

function printUser(user) {
  console.log('Importing', user.email); // expect: pii-to-stdout user.contact.email
  console.info(`  name: ${user.firstName} ${user.lastName}`); // expect: pii-to-stdout user.name.first user.name.last
  console.table([{ phone: user.phone, zip: user.zipCode }]); // expect: pii-to-stdout user.contact.phone_number user.contact.address.postal_code
  console.log('  roles:', user.roles.length);
}

function main(argv) {
  const users = readUsers(argv[2]);
  users.forEach(printUser);
  const invalid = users.filter((u) => !u.email);
  if (invalid.length) {
    console.error('invalid rows for', invalid.map((u) => u.username).join(', ')); // todo: pii-to-stdout user.account.username (the value is read in an arrow function passed to map: what a callback returns does not flow into map's result)
    process.stderr.write(`first invalid: ${invalid[0].username}\n`); // expect: pii-to-stdout user.account.username
  }
  console.log('done: %d users', users.length);
}

main(process.argv);
