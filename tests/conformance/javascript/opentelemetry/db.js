// Negative file: database spans name the system, the table and a row count.
const crypto = require("crypto");
const { trace } = require("@opentelemetry/api");

const tracer = trace.getTracer("db");

function insertUser(email) {
  const span = tracer.startSpan("db.insert");
  span.setAttribute("db.system", "postgresql");
  span.setAttributes({ "db.sql.table": "users", "db.rows": 1 });
  span.setAttribute("user.key", crypto.createHash("sha256").update(email).digest("hex"));
  span.addEvent("committed");
  span.end();
}

module.exports = { insertUser };
