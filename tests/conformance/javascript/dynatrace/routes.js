const express = require("express");
const { dynatrace, tagCustomer } = require("./sdk");
const { tagVersion } = require("./version");

const router = express.Router();

router.post("/customers", (req, res) => {
  tagCustomer(req.body);
  dynatrace.addCustomRequestAttribute("customer.phone", req.body.phone); // expect: pii-to-third-party user.contact.phone_number
  dynatrace.addCustomRequestAttribute("customer.dob", req.body.dob); // expect: pii-to-third-party user.demographic.date_of_birth
  tagVersion();
  res.status(201).end();
});

module.exports = router;
