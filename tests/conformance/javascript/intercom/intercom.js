const { IntercomClient } = require("intercom-client");

const intercom = new IntercomClient({ token: process.env.INTERCOM_TOKEN });

function syncContact(member) {
  return intercom.contacts.create({ external_id: member.id, email: member.email, name: member.fullName }); // expect: pii-to-third-party user.contact.email user.name
}

function invited(inviterId, inviteeEmail) {
  return intercom.events.create({ event_name: "invited-teammate", user_id: inviterId, metadata: { inviteeEmail } }); // expect: pii-to-third-party user.contact.email
}

function seats(count) {
  return intercom.events.create({ event_name: "seats-updated", user_id: "workspace-admin", metadata: { count } });
}

module.exports = { syncContact, invited, seats };
