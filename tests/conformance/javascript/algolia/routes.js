const express = require("express");
const { indexCustomer, updateAddress } = require("./algolia");
const { indexTicket } = require("./legacy");
const { syncProducts } = require("./products");

const router = express.Router();

router.post("/customers", async (req, res) => {
  await indexCustomer(req.body);
  await updateAddress(req.body.id, req.body.address);
  await indexTicket({ id: 1, subject: "welcome", phone: req.body.phone });
  await syncProducts();
  res.status(201).end();
});

module.exports = router;
