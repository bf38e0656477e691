const express = require("express");
const { Bugsnag, paymentFailed } = require("./bugsnag");
const { slowProvider } = require("./health");

const router = express.Router();

router.post("/pay", async (req, res) => {
  Bugsnag.leaveBreadcrumb("payment started", { phone: req.body.phone }); // expect: pii-to-third-party user.contact.phone_number
  Bugsnag.addMetadata("customer", { address: req.body.address }); // expect: pii-to-third-party user.contact.address
  try {
    throw new Error("declined");
  } catch (err) {
    paymentFailed(err, req.body.account);
    slowProvider(1.4);
    res.status(402).end();
  }
});

module.exports = router;
