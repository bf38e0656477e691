// Negative file: heartbeat logs.
const { logtail } = require("./logger");

function heartbeat() {
  logtail.info("heartbeat", { uptime: process.uptime(), region: "eu-west-1" });
  logtail.flush();
}

module.exports = { heartbeat };
