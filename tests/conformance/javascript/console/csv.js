// Negative file: parsing, with a progress line.
const fs = require('fs');

function readUsers(path) {
  const lines = fs.readFileSync(path, 'utf8').split('\n').filter(Boolean);
  console.log(`read ${lines.length} lines from ${path}`);
  const [header, ...rows] = lines;
  const keys = header.split(',');
  return rows.map((row) => Object.fromEntries(row.split(',').map((v, i) => [keys[i], v])));
}

module.exports = { readUsers };
