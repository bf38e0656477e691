// Negative file: stock alerts to the ops topic.
const { stockAlert } = require("./sns");

async function lowStock() {
  await stockAlert("sku-1", 2);
}

module.exports = { lowStock };
