// Negative file: queue lag warnings.
const { rollbar } = require("./rollbar");

function reportLag(seconds) {
  if (seconds > 10) rollbar.warning("queue lag above threshold", { seconds, queue: "orders" });
}

module.exports = { reportLag };
