const axios = require('axios');

// Two handlers of the inventory service answer this route: ambiguous.
async function reserve(itemId, email) {
  return axios.post(`http://inventory:8000/items/${itemId}/reserve`, { email });
}

// The inventory service has no such route: unmatched.
async function release(itemId) {
  return axios.post(`http://inventory:8000/items/${itemId}/release`, { itemId });
}

module.exports = { reserve, release };

// Not one of the repository's services: an external host.
async function notifyPartner(email) {
  await fetch('https://api.partner.example/v1/reservations', { method: 'POST', body: JSON.stringify({ email }) });
}

module.exports.notifyPartner = notifyPartner;
