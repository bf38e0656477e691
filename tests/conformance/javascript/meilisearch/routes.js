import express from "express";
import { indexMember, updateCity } from "./search";
import { indexEvents } from "./events";

export const router = express.Router();

router.post("/members", async (req, res) => {
  await indexMember(req.body);
  await updateCity(req.body.id, req.body.city);
  await indexEvents();
  res.status(201).end();
});
