const pino = require('pino');

const logger = pino();

function lastFour(cardNumber) {
  return cardNumber.slice(-4);
}

function receipt(cardNumber, email) {
  logger.info(`charged card ending ${cardNumber.slice(-4)}`);
  logger.info(`charged card ${'*'.repeat(12)}${lastFour(cardNumber)}`);
  logger.info(`tail ${cardNumber.substring(cardNumber.length - 4)}`);
  logger.info(`receipt sent to ${email.substring(0, 2)}***`);
  logger.info(`receipt sent to ${email}`); // expect: pii-to-log user.contact.email
  logger.info(`card ${cardNumber.slice(2)}`); // expect: pii-to-log user.financial.credit_card
  logger.info(`card ${cardNumber.replace(/\d(?=\d{4})/g, '*')}`);
  logger.info(`mail ${email.replace('@', '*')}`); // expect: pii-to-log user.contact.email
}

module.exports = { receipt };
