const { Client } = require("@elastic/elasticsearch");

const client = new Client({
  cloud: { id: process.env.ELASTIC_CLOUD_ID },
  auth: { apiKey: process.env.ELASTIC_API_KEY },
});

async function indexPatient(patient) {
  await client.index({ // expect: pii-to-third-party user.name user.health_and_medical
    index: "patients",
    id: patient.id,
    document: { fullName: patient.fullName, diagnosis: patient.diagnosis },
  });
}

async function updateContact(id, phone) {
  await client.update({ index: "patients", id, doc: { phone } }); // expect: pii-to-third-party user.contact.phone_number
}

async function bulkEmails(rows) {
  const operations = [];
  for (const row of rows) {
    operations.push({ index: { _index: "contacts" } }, { email: row.email });
  }
  await client.bulk({ refresh: true, operations }); // expect: pii-to-third-party user.contact.email
}

module.exports = { client, indexPatient, updateContact, bulkEmails };
