// Negative file: catalogue sync events.
const { catalogSynced } = require("./klaviyo");

async function syncCatalog() {
  await catalogSynced(120);
}

module.exports = { syncCatalog };
