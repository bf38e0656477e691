const express = require("express");
const { identify, purchased } = require("./posthog");
const { exposure } = require("./flags");

const router = express.Router();

router.post("/purchase", (req, res) => {
  identify(req.body.user);
  purchased(req.body.user, req.body.city);
  exposure("checkout-v2");
  res.status(204).end();
});

module.exports = router;
