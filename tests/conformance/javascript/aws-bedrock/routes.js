const express = require("express");
const { draftReply, classifyPhone } = require("./assistant");
const { shippingFaq } = require("./faq");

const router = express.Router();

router.post("/draft", async (req, res) => {
  const reply = await draftReply(req.body.ticket);
  await classifyPhone(req.body.phone);
  await shippingFaq();
  res.json({ reply });
});

module.exports = router;
