const express = require("express");
const Sentry = require("@sentry/node");
const { reportPaymentError } = require("./instrument");
const billing = require("./billing");

const app = express();
app.use(express.json());

app.post("/signup", async (req, res) => {
  const { email, phone } = req.body;
  Sentry.setUser({ email, ip_address: req.ip }); // expect: pii-to-third-party user.contact.email user.device.ip_address
  Sentry.addBreadcrumb({ category: "auth", message: `signup for ${email}` }); // expect: pii-to-third-party user.contact.email
  Sentry.setContext("contact", { phone }); // expect: pii-to-third-party user.contact.phone_number
  try {
    const customer = await billing.createCustomer(email, phone);
    res.json({ ok: true, created: Boolean(customer) });
  } catch (err) {
    Sentry.captureMessage(`customer creation failed for ${email}`); // expect: pii-to-third-party user.contact.email
    res.status(500).json({ ok: false });
  }
});

app.post("/charge", async (req, res) => {
  const customer = req.body.customer;
  try {
    await billing.charge(customer.id, req.body.amount);
  } catch (err) {
    reportPaymentError(err, customer);
    Sentry.getCurrentScope().setTag("card_number", req.body.card_number); // expect: pii-to-third-party user.financial.credit_card
  }
  res.sendStatus(204);
});

Sentry.setupExpressErrorHandler(app);
module.exports = app;
