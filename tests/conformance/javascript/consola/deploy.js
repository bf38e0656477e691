// Negative file: deployment progress.
import { consola } from 'consola';

export async function deploy(app, targets) {
  consola.start(`Deploying ${app.name} to ${targets.length} targets`);
  for (const t of targets) {
    consola.info(`target ${t.region} ready`);
  }
  consola.success('Deployed');
}
