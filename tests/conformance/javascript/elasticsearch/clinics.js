// Negative file: clinic records are public business data.
const { Client } = require("@elastic/elasticsearch");

const es = new Client({ node: "http://search.internal:9200" });

async function indexClinics() {
  await es.index({ index: "clinics", id: "c1", document: { title: "North clinic", beds: 40 } });
  await es.update({ index: "clinics", id: "c1", doc: { beds: 42 } });
  await es.bulk({ operations: [{ index: { _index: "clinics", _id: "c2" } }, { title: "South clinic", beds: 12 }] });
}

module.exports = { indexClinics };
