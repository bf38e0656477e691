// Negative file: product records only.
const { client } = require("./algolia");

async function syncProducts() {
  await client.saveObjects({
    indexName: "products",
    objects: [
      { objectID: "sku-1", title: "Walnut desk", price: 420 },
      { objectID: "sku-2", title: "Oak shelf", price: 130 },
    ],
  });
  await client.partialUpdateObject({ indexName: "products", objectID: "sku-2", attributesToUpdate: { stock: 12 } });
}

module.exports = { syncProducts };
