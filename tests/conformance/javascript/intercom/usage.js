// Negative file: workspace usage.
const { seats } = require("./intercom");

async function reportSeats(count) {
  await seats(count);
}

module.exports = { reportSeats };
