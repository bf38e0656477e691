const brevo = require("@getbrevo/brevo");

const emailsApi = new brevo.TransactionalEmailsApi();
emailsApi.setApiKey(brevo.TransactionalEmailsApiApiKeys.apiKey, process.env.BREVO_API_KEY);
const contactsApi = new brevo.ContactsApi();
contactsApi.setApiKey(brevo.ContactsApiApiKeys.apiKey, process.env.BREVO_API_KEY);

function sendReceipt(order) {
  const message = new brevo.SendSmtpEmail();
  message.templateId = 7;
  message.to = [{ email: order.email, name: order.fullName }];
  return emailsApi.sendTransacEmail(message); // expect: pii-to-third-party user.contact.email user.name
}

function addContact(email, city) {
  const contact = new brevo.CreateContact();
  contact.email = email;
  contact.attributes = { CITY: city };
  return contactsApi.createContact(contact); // expect: pii-to-third-party user.contact.email user.contact.address.city
}

function sendReport(orders) {
  const message = new brevo.SendSmtpEmail();
  message.to = [{ email: "sales@shop.example" }];
  message.textContent = `${orders} orders today`;
  return emailsApi.sendTransacEmail(message);
}

module.exports = { sendReceipt, addContact, sendReport };
