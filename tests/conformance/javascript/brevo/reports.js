// Negative file: the sales report to a fixed address.
const { sendReport } = require("./brevo");

async function dailyReport(orders) {
  await sendReport(orders);
}

module.exports = { dailyReport };
