const express = require("express");
const { trace } = require("@opentelemetry/api");
const { tracer, tagUser, withEmailBaggage } = require("./tracing");
const { insertUser } = require("./db");

const router = express.Router();

router.post("/users", (req, res) => {
  tagUser(req.body);
  tracer.startActiveSpan("users.create", (span) => {
    span.setAttributes({ "user.address": req.body.address }); // expect: pii-to-third-party user.contact.address
    span.addEvent("validated", { "user.birthdate": req.body.birthdate }); // expect: pii-to-third-party user.demographic.date_of_birth
    insertUser(req.body.email);
    span.end();
  });
  trace.getActiveSpan().setAttribute("http.client_ip", req.ip); // expect: pii-to-third-party user.device.ip_address
  withEmailBaggage(req.body.email, () => res.status(201).end());
});

module.exports = router;
