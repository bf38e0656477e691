const express = require("express");
const { profile, trackCheckout } = require("./mixpanel");
const { trackExperiment } = require("./experiments");

const router = express.Router();

router.post("/checkout", (req, res) => {
  profile(req.body.user);
  trackCheckout(req.body.user, req.body.city);
  trackExperiment("pricing-v2", "b");
  res.status(204).end();
});

module.exports = router;
