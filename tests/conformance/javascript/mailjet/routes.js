const express = require("express");
const { sendWelcome } = require("./mailjet");
const { digest } = require("./ops");

const router = express.Router();

router.post("/signup", async (req, res) => {
  await sendWelcome(req.body);
  await digest(1);
  res.status(201).end();
});

module.exports = router;
