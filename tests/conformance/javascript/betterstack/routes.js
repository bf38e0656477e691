const express = require("express");
const { loginFailed, profileUpdated } = require("./logger");
const { heartbeat } = require("./health");

const router = express.Router();

router.post("/login", (req, res) => {
  loginFailed(req.body.email, req.ip);
  profileUpdated(req.body.user);
  heartbeat();
  res.status(401).end();
});

module.exports = router;
