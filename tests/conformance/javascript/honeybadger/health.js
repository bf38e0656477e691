// Negative file: slowness reports.
const { Honeybadger } = require("./honeybadger");

function reportSlow(seconds) {
  if (seconds > 2) Honeybadger.notify("upload slower than 2s", { context: { seconds } });
}

module.exports = { reportSlow };
