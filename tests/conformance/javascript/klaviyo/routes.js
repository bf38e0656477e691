const express = require("express");
const { upsertProfile, placedOrder } = require("./klaviyo");
const { syncCatalog } = require("./catalog");

const router = express.Router();

router.post("/orders", async (req, res) => {
  await upsertProfile(req.body.customer);
  await placedOrder(req.body.phone, req.body.total);
  await syncCatalog();
  res.status(201).end();
});

module.exports = router;
