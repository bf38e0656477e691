const express = require("express");
const { syncContact, invited } = require("./intercom");
const { reportSeats } = require("./usage");

const router = express.Router();

router.post("/invite", async (req, res) => {
  await syncContact(req.body.member);
  await invited("member-1", req.body.email);
  await reportSeats(12);
  res.status(201).end();
});

module.exports = router;
