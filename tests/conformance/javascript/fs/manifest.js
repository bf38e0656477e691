// Negative file: the manifest records counts and digests.
const crypto = require('crypto');
const fs = require('fs');

function writeManifest(dir, profiles) {
  const digests = profiles.map((p) => crypto.createHash('sha256').update(p.email).digest('hex'));
  fs.writeFileSync(`${dir}/manifest.json`, JSON.stringify({ count: profiles.length, digests }));
}

module.exports = { writeManifest };
