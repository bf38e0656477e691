const { Client } = require("@opensearch-project/opensearch");

const client = new Client({ node: process.env.OPENSEARCH_URL });

async function indexLead(lead) {
  await client.index({ index: "leads", id: lead.id, body: { company: lead.company, email: lead.email } }); // expect: pii-to-third-party user.contact.email
}

async function setPhone(id, phone) {
  await client.update({ index: "leads", id, body: { doc: { phone } } }); // expect: pii-to-third-party user.contact.phone_number
}

async function indexCampaign(name, sent) {
  await client.index({ index: "campaigns", body: { name, sent } });
}

module.exports = { indexLead, setPhone, indexCampaign };
