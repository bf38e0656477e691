const express = require("express");
const { apm, identify } = require("./apm");
const { priceItems } = require("./pricing");

const router = express.Router();

router.post("/orders", async (req, res) => {
  identify(req.body.customer);
  apm.setLabel("shipping.postcode", req.body.postcode); // expect: pii-to-third-party user.contact.address.postal_code
  apm.setCustomContext({ deliveryAddress: req.body.deliveryAddress }); // expect: pii-to-third-party user.contact.address
  apm.currentTransaction.setLabel("contact.phone", req.body.phone); // expect: pii-to-third-party user.contact.phone_number
  try {
    res.json({ total: priceItems(req.body.items) });
  } catch (err) {
    apm.captureError(err, { custom: { email: req.body.email } }); // expect: pii-to-third-party user.contact.email
    res.status(500).end();
  }
});

module.exports = router;
