const express = require("express");
const { seesNewPricing, purchased } = require("./statsig");
const { regionEnabled } = require("./ops");

const router = express.Router();

router.post("/checkout", async (req, res) => {
  if ((await regionEnabled()) && (await seesNewPricing(req.body.user))) {
    purchased(req.body.user, req.body.total, req.body.city);
  }
  res.status(204).end();
});

module.exports = router;
