// Negative file: segments and campaign defaults without members.
const { mailchimp, listId } = require("./audience");

async function createCampaignSegment(name) {
  await mailchimp.lists.createSegment(listId, { name: `campaign-${name}`, static_segment: [] });
  await mailchimp.lists.updateList(listId, { campaign_defaults: { subject: "Spring news", language: "en" } });
}

module.exports = { createCampaignSegment };
