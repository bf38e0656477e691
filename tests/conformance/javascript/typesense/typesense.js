const Typesense = require("typesense");

const client = new Typesense.Client({
  nodes: [{ host: process.env.TYPESENSE_HOST, port: 443, protocol: "https" }],
  apiKey: process.env.TYPESENSE_API_KEY,
});

async function indexGuest(guest) {
  await client.collections("guests").documents().create({ id: guest.id, name: guest.fullName, email: guest.email }); // expect: pii-to-third-party user.name user.contact.email
}

async function upsertPhone(id, phone) {
  await client.collections("guests").documents().upsert({ id, phone }); // expect: pii-to-third-party user.contact.phone_number
}

async function importRooms(rooms) {
  await client.collections("rooms").documents().import(rooms, { action: "upsert" });
}

module.exports = { indexGuest, upsertPhone, importRooms };
