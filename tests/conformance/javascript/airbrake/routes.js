const express = require("express");
const { airbrake, signupFailed } = require("./airbrake");
const { reportTimeout } = require("./health");

const router = express.Router();

router.post("/signup", async (req, res) => {
  try {
    throw new Error("rejected");
  } catch (err) {
    signupFailed(err, req.body);
    airbrake.notify({ error: err, context: { userAddr: req.body.address } }); // expect: pii-to-third-party user.contact.address
    reportTimeout(3);
    res.status(400).end();
  }
});

module.exports = router;
