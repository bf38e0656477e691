import express from "express";
import { identify, trackBooking } from "./amplitude";
import { trackInventory } from "./inventory";

export const router = express.Router();

router.post("/bookings", (req, res) => {
  identify(req.body.user);
  trackBooking(req.body.user, req.body.booking);
  trackInventory(12);
  res.status(201).end();
});
