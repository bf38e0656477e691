const { tracer, tagCustomer } = require("./tracer");
const express = require("express");
const { priceCart } = require("./pricing");

const app = express();
app.use(express.json());

app.post("/checkout", (req, res) => {
  tagCustomer(req.body.customer);
  tracer.setUser({ id: req.body.customer.id, email: req.body.customer.email }); // expect: pii-to-third-party user.contact.email
  tracer.scope().active().setTag("shipping.address", req.body.shipping_address); // expect: pii-to-third-party user.contact.address
  tracer.trace("checkout.price", (span) => {
    span.setTag("billing.zip", req.body.zip); // expect: pii-to-third-party user.contact.address.postal_code
    res.json({ total: priceCart(req.body.items) });
  });
});

module.exports = app;
