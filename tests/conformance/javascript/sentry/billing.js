// Negative file: Sentry receives only ids, counts and fixed messages here.
const crypto = require("crypto");
const Sentry = require("@sentry/node");

async function createCustomer(email, phone) {
  Sentry.setTag("flow", "signup");
  Sentry.setUser({ id: crypto.createHash("sha256").update(email).digest("hex") });
  return { created: true };
}

async function charge(customerId, amount) {
  Sentry.addBreadcrumb({ category: "billing", message: "charge started", data: { amount } });
  if (amount > 10000) {
    Sentry.setExtra("amount", amount);
    Sentry.captureMessage("charge over limit");
    throw new Error("limit");
  }
}

module.exports = { createCustomer, charge };
