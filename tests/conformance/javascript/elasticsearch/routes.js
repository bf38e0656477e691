const express = require("express");
const { indexPatient, updateContact, bulkEmails } = require("./search");
const { indexClinics } = require("./clinics");

const router = express.Router();

router.post("/patients", async (req, res) => {
  await indexPatient(req.body);
  await updateContact(req.body.id, req.body.phone);
  await bulkEmails(req.body.contacts);
  await indexClinics();
  res.status(201).end();
});

module.exports = router;
