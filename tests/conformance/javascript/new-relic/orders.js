const express = require("express");
const newrelic = require("newrelic");
const { annotateOrder, orderFailed } = require("./instrumentation");
const { reportQueue } = require("./queue");

const router = express.Router();

router.post("/orders", async (req, res) => {
  const customer = req.body.customer;
  annotateOrder(req.body.order, customer);
  newrelic.setUserId(req.body.email); // expect: pii-to-third-party user.contact.email
  newrelic.recordCustomEvent("OrderPlaced", { items: req.body.order.items.length, zip: req.body.zip }); // expect: pii-to-third-party user.contact.address.postal_code
  try {
    reportQueue(3);
    res.status(201).json({ ok: true });
  } catch (err) {
    orderFailed(err, customer);
    res.status(500).json({ ok: false });
  }
});

module.exports = router;
