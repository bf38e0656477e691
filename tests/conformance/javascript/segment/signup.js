const express = require("express");
const { identifyCustomer, trackSignup } = require("./analytics");
const { trackPlanView } = require("./plans");

const router = express.Router();

router.post("/signup", (req, res) => {
  identifyCustomer(req.body);
  trackSignup(req.body, req.body.phone);
  trackPlanView(req.body.plan);
  res.status(201).end();
});

module.exports = router;
