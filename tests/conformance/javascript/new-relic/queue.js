// Negative file: queue metrics carry counts and names of queues only.
const newrelic = require("newrelic");

function reportQueue(depth) {
  newrelic.addCustomAttribute("queue.depth", depth);
  newrelic.addCustomAttributes({ queue: "orders", region: "eu-west-1" });
  newrelic.recordCustomEvent("QueueSample", { depth, workers: 4 });
  newrelic.recordMetric("Custom/Queue/Depth", depth);
}

module.exports = { reportQueue };
