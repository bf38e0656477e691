// Negative file: anonymous plan views.
const { analytics } = require("./analytics");

function trackPlanView(plan) {
  analytics.track({ anonymousId: "server", event: "Plan Viewed", properties: { plan, currency: "EUR" } });
  analytics.page({ anonymousId: "server", name: "Pricing" });
}

module.exports = { trackPlanView };
