const messagebird = require("messagebird").initClient(process.env.MESSAGEBIRD_ACCESS_KEY);

function sendCode(phone, code, done) {
  messagebird.messages.create({ originator: "Shop", recipients: [phone], body: `Your code is ${code}` }, done); // expect: pii-to-third-party user.contact.phone_number
}

function pageOncall(problem) {
  messagebird.messages.create({ originator: "Ops", recipients: [process.env.ONCALL_NUMBER], body: `alert: ${problem}` }, () => {});
}

module.exports = { sendCode, pageOncall };
