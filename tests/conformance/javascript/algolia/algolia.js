// Algolia JavaScript client v5: one client, calls name the index.
const { algoliasearch } = require("algoliasearch");

const client = algoliasearch(process.env.ALGOLIA_APP_ID, process.env.ALGOLIA_WRITE_KEY);

async function indexCustomer(customer) {
  await client.saveObject({ // expect: pii-to-third-party user.contact.email
    indexName: "customers",
    body: { objectID: customer.id, company: customer.company, email: customer.email },
  });
}

async function updateAddress(id, address) {
  await client.partialUpdateObject({ indexName: "customers", objectID: id, attributesToUpdate: { address } }); // expect: pii-to-third-party user.contact.address
}

module.exports = { client, indexCustomer, updateAddress };
