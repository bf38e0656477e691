// The v4 client still used by the support tool: an index object per index.
const algoliasearch = require("algoliasearch");

const support = algoliasearch(process.env.ALGOLIA_APP_ID, process.env.ALGOLIA_WRITE_KEY);
const tickets = support.initIndex("tickets");

function indexTicket(ticket) {
  return tickets.saveObject({ objectID: ticket.id, subject: ticket.subject, phone: ticket.phone }); // expect: pii-to-third-party user.contact.phone_number
}

module.exports = { indexTicket };
