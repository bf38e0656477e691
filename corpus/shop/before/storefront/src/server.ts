import express from 'express';
import checkout from './routes/checkout';
import { logger } from './config';

const app = express();
const port = Number(process.env.PORT ?? 3000);

app.use(express.json());
app.use('/api', checkout);

app.get('/healthz', (_req, res) => {
  res.json({ status: 'ok' });
});

app.listen(port, () => {
  logger.info(`storefront listening on ${port}`);
  console.log(`storefront ready on port ${port}`);
});
