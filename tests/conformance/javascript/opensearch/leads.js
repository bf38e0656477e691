const express = require("express");
const { indexLead, setPhone } = require("./opensearch");
const { reportCampaign } = require("./campaigns");

const router = express.Router();

router.post("/leads", async (req, res) => {
  await indexLead(req.body);
  await setPhone(req.body.id, req.body.phone);
  await reportCampaign();
  res.status(202).end();
});

module.exports = router;
