const express = require("express");
const { smsCode, orderPlaced } = require("./sns");
const { lowStock } = require("./ops");

const router = express.Router();

router.post("/verify", async (req, res) => {
  await smsCode(req.body.phone, "123456");
  await orderPlaced(req.body.order);
  await lowStock();
  res.status(204).end();
});

module.exports = router;
