// Negative file: room inventory.
const { importRooms } = require("./typesense");

async function refreshRooms() {
  await importRooms([
    { id: "101", kind: "double", rate: 120 },
    { id: "102", kind: "single", rate: 80 },
  ]);
}

module.exports = { refreshRooms };
