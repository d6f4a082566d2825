/** `apis new` leaves a repository in which `apis check` passes with no further step (nothing committed yet). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runApis, runApisInProcess, toolchainRepo } from '../helpers.ts';

describe('apis new', () => {
  it('scaffolds a domain that passes every check right away: spec, owners, the whole generated package', async () => {
    const dir = toolchainRepo();
    const created = await runApis(['new', 'loyalty-points', '--owner', '@acme/loyalty-team'], { cwd: dir });
    expect(created.code, created.stderr).toBe(0);
    for (const file of ['openapi.json', 'client.js', 'client.d.ts', 'server.js', 'react-query.js', 'msw.js', 'schema.d.ts', 'package.json']) {
      expect(existsSync(join(dir, 'generated', 'loyalty-points', file)), file).toBe(true);
    }
    // The runtime is the shared package's, not a copy in the domain's.
    expect(existsSync(join(dir, 'generated', 'loyalty-points', 'runtime'))).toBe(false);
    expect(existsSync(join(dir, 'generated', 'api-runtime', 'client.js'))).toBe(true);
    const check = await runApisInProcess(['check'], { cwd: dir });
    expect(check.stdout).toMatch(/✔ owners[\s\S]*✔ lint[\s\S]*✔ generated/);
    expect(check.code, check.stdout).toBe(0);
  }, 120_000);
});
