// Imports a CSV of observations through the generated client: a dry run first, then the import itself, with an
// Idempotency-Key so that running the script twice is safe. Type-checked with the app (npm run typecheck).
import type { ImportReportDto } from '../src/api/gaoxin-client';
import { createClient, problemOf } from '../src/api/client';

export async function importObservations(csv: Blob, key: string, apiKey: string, baseUrl = 'http://localhost:5080'): Promise<ImportReportDto> {
  const client = createClient('en', baseUrl, apiKey);
  const file = new Blob([csv], { type: 'text/csv' });

  const dryRun = await client.runImport('observations', file, true);
  if (dryRun.rejected > 0) {
    for (const problem of dryRun.problems) console.error(`line ${problem.line} ${problem.column ?? ''}: ${problem.code} ${problem.message}`);
    throw new Error(`${dryRun.rejected} rows would be rejected; nothing was imported`);
  }

  try {
    return await client.runImport('observations', file, false, 'atomic', false, key);
  } catch (error) {
    const problem = problemOf(error);
    throw new Error(problem ? `${problem.code}: ${problem.detail}` : String(error));
  }
}
