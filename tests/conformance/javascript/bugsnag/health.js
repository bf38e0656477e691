// Negative file: provider latency.
const { Bugsnag } = require("./bugsnag");

function slowProvider(seconds) {
  Bugsnag.leaveBreadcrumb("slow payment provider", { seconds });
  Bugsnag.notify(new Error("provider slow"), (event) => {
    event.addMetadata("provider", { name: "acme-pay", seconds });
  });
}

module.exports = { slowProvider };
