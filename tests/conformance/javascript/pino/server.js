import Fastify from 'fastify';
import { logger } from './logger.js';

const app = Fastify({ logger: true });

app.post('/riders', async (request, reply) => {
  const { email, fullName } = request.body;
  request.log.info({ email }, 'rider signup'); // expect: pii-to-log user.contact.email
  logger.warn(`signup for ${fullName}`); // expect: pii-to-log user.name
  logger.info({ count: Object.keys(request.body).length }, 'signup fields');
  return reply.code(201).send({ ok: true });
});

app.listen({ port: 3000 });
