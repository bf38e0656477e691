const zxcvbn = require('zxcvbn');
const log = require('./log');

function strongEnough(password) {
  const result = zxcvbn(password);
  // an estimate about the password, not the password
  log.info({ score: result.score, guesses: result.guesses }, 'password strength');
  return result.score >= 3;
}

module.exports = { strongEnough };
