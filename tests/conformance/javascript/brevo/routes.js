const express = require("express");
const { sendReceipt, addContact } = require("./brevo");
const { dailyReport } = require("./reports");

const router = express.Router();

router.post("/orders", async (req, res) => {
  await sendReceipt(req.body.order);
  await addContact(req.body.email, req.body.city);
  await dailyReport(40);
  res.status(201).end();
});

module.exports = router;
