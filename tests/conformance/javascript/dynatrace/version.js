// Negative file: build and region attributes.
const { dynatrace } = require("./sdk");

function tagVersion() {
  dynatrace.addCustomRequestAttribute("build", process.env.BUILD_ID || "dev");
  dynatrace.addCustomRequestAttribute("region", "eu-central-1");
  dynatrace.addCustomRequestAttribute("replicas", 3);
}

module.exports = { tagVersion };
