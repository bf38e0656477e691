const express = require("express");
const { Honeybadger, withCustomer, importFailed } = require("./honeybadger");
const { reportSlow } = require("./health");

const router = express.Router();

router.post("/upload", (req, res) => {
  withCustomer(req.body.customer);
  Honeybadger.addBreadcrumb("upload started", { metadata: { address: req.body.address } }); // expect: pii-to-third-party user.contact.address
  try {
    throw new Error("bad row");
  } catch (err) {
    importFailed(err, req.body.row);
  }
  reportSlow(2.5);
  res.status(202).end();
});

module.exports = router;
