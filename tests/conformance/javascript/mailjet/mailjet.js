const Mailjet = require("node-mailjet");

const mailjet = Mailjet.apiConnect(process.env.MJ_APIKEY_PUBLIC, process.env.MJ_APIKEY_PRIVATE);

function sendWelcome(customer) {
  return mailjet.post("send", { version: "v3.1" }).request({ // expect: pii-to-third-party user.contact.email user.name.first
    Messages: [
      {
        From: { Email: "hello@shop.example", Name: "Shop" },
        To: [{ Email: customer.email, Name: customer.firstName }],
        TemplateID: 4242,
      },
    ],
  });
}

function sendDigest(signups) {
  return mailjet.post("send", { version: "v3.1" }).request({
    Messages: [{ From: { Email: "ops@shop.example" }, To: [{ Email: "team@shop.example" }], TextPart: `${signups} signups` }],
  });
}

module.exports = { sendWelcome, sendDigest };
