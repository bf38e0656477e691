const express = require("express");
const { newCheckoutEnabled, trackConversion } = require("./flags");
const { inMaintenance } = require("./ops");

const router = express.Router();

router.post("/checkout", async (req, res) => {
  if (await inMaintenance()) return res.status(503).end();
  if (await newCheckoutEnabled(req.body.user)) trackConversion(req.body.user, req.body.total);
  res.status(204).end();
});

module.exports = router;
