const grpc = require('@grpc/grpc-js');
const winston = require('winston');
const { DirectoryClient } = require('./directory_grpc_pb');

const logger = winston.createLogger({ level: 'info' });
const directory = new DirectoryClient('directory:50051', grpc.credentials.createInsecure());

function placeOrder(email, phone, done) {
  const reply = directory.lookup({ email });
  logger.info(`directory status ${reply.status}`);
  logger.info(`phone has country code: ${phone.startsWith('+')}`);
  logger.warn(`order placed for ${email}`); // expect: pii-to-log user.contact.email
  done(null, reply.id);
}

module.exports = { placeOrder };
