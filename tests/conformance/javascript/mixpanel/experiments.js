// Negative file: experiment exposure with fixed names.
const { mixpanel } = require("./mixpanel");

function trackExperiment(name, variant) {
  mixpanel.track("$experiment_started", { distinct_id: "server", "Experiment name": name, "Variant name": variant });
}

module.exports = { trackExperiment };
