// Negative file: provider timeouts.
const { airbrake } = require("./airbrake");

function reportTimeout(seconds) {
  if (seconds > 2) airbrake.notify({ error: new Error("mail provider timeout"), params: { seconds } });
}

module.exports = { reportTimeout };
