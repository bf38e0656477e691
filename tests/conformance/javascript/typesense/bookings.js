const express = require("express");
const { indexGuest, upsertPhone } = require("./typesense");
const { refreshRooms } = require("./rooms");

const router = express.Router();

router.post("/bookings", async (req, res) => {
  await indexGuest(req.body.guest);
  await upsertPhone(req.body.guest.id, req.body.phone);
  await refreshRooms();
  res.status(201).end();
});

module.exports = router;
