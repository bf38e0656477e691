const express = require("express");
const { identify, cartAbandoned } = require("./cio");
const { spring } = require("./campaigns");

const router = express.Router();

router.post("/cart", async (req, res) => {
  await identify(req.body.customer);
  await cartAbandoned(req.body.customer.id, req.body.phone);
  await spring();
  res.status(204).end();
});

module.exports = router;
