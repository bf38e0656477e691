const beeline = require("honeycomb-beeline")({ writeKey: process.env.HONEYCOMB_API_KEY, serviceName: "checkout" });
const express = require("express");
const { checkoutEvent, addressEvent } = require("./honey");
const { sample } = require("./sampler");

const app = express();
app.use(express.json());

app.post("/checkout", (req, res) => {
  beeline.addContext({ "customer.username": req.body.username }); // expect: pii-to-third-party user.account.username
  checkoutEvent(req.body, 42);
  addressEvent(req.body.shippingAddress);
  sample(req.body.items.length);
  res.status(201).end();
});

module.exports = app;
