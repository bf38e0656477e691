const express = require("express");
const { rollbar, setPerson } = require("./rollbar");
const { reportLag } = require("./lag");

const app = express();
app.use(express.json());

app.post("/orders", (req, res) => {
  setPerson(req.body.user);
  try {
    reportLag(12);
    res.status(201).end();
  } catch (err) {
    rollbar.error(err, { shippingAddress: req.body.shippingAddress }); // expect: pii-to-third-party user.contact.address
    rollbar.warning(`order failed for ${req.body.email}`); // expect: pii-to-third-party user.contact.email
    res.status(500).end();
  }
});

app.use(rollbar.errorHandler());
module.exports = app;
