// Negative file: pages the configured on-call number.
const { pageOncall } = require("./sms");

function queueStuck() {
  pageOncall("queue stuck");
}

module.exports = { queueStuck };
