const mailchimp = require("@mailchimp/mailchimp_marketing");
const crypto = require("crypto");

mailchimp.setConfig({ apiKey: process.env.MAILCHIMP_API_KEY, server: "us21" });
const listId = process.env.MAILCHIMP_LIST_ID;

async function subscribe(email, firstName) {
  return mailchimp.lists.addListMember(listId, { // expect: pii-to-third-party user.contact.email user.name.first
    email_address: email,
    status: "subscribed",
    merge_fields: { FNAME: firstName },
  });
}

async function setAddress(email, address) {
  const hash = crypto.createHash("md5").update(email.toLowerCase()).digest("hex");
  return mailchimp.lists.setListMember(listId, hash, { email_address: email, merge_fields: { ADDRESS: address } }); // expect: pii-to-third-party user.contact.email user.contact.address
}

module.exports = { mailchimp, listId, subscribe, setAddress };
