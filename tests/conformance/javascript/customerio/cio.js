const { TrackClient, RegionEU } = require("customerio-node");

const cio = new TrackClient(process.env.CIO_SITE_ID, process.env.CIO_API_KEY, { region: RegionEU });

function identify(customer) {
  return cio.identify(customer.id, { email: customer.email, first_name: customer.firstName, plan: customer.plan }); // expect: pii-to-third-party user.contact.email user.name.first
}

function cartAbandoned(customerId, phone) {
  return cio.track(customerId, { name: "cart_abandoned", data: { phone } }); // expect: pii-to-third-party user.contact.phone_number
}

function campaignSent(name) {
  return cio.trackAnonymous("server", { name: "campaign_sent", data: { campaign: name } });
}

module.exports = { identify, cartAbandoned, campaignSent };
