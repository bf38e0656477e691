const express = require("express");
const { subscribe, setAddress } = require("./audience");
const { createCampaignSegment } = require("./segments");

const router = express.Router();

router.post("/newsletter", async (req, res) => {
  await subscribe(req.body.email, req.body.firstName);
  await setAddress(req.body.email, req.body.address);
  await createCampaignSegment("spring");
  res.status(201).end();
});

module.exports = router;
