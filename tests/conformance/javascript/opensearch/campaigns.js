// Negative file: campaign counters.
const { indexCampaign } = require("./opensearch");

async function reportCampaign() {
  await indexCampaign("spring-launch", 1200);
}

module.exports = { reportCampaign };
