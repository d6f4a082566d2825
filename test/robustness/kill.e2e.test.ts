import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { APIS_BIN, runApis, tempRepo } from '../helpers.ts';

function files(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of readdirSync(dir, { recursive: true }) as string[]) {
    try {
      out.set(f, readFileSync(join(dir, f), 'utf8'));
    } catch {
      // a folder
    }
  }
  return out;
}

/** A deterministic sequence in [0, 1), so a failing run can be replayed. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('nothing lost: apis generate killed at random points', () => {
  it('leaves every generated file either completely old or completely new', async () => {
    const dir = tempRepo({}, { copyGenerated: true });
    const oldFiles = files(join(dir, 'generated'));
    const before = join(dir, 'generated-old');
    cpSync(join(dir, 'generated'), before, { recursive: true });
    for (const domain of ['payments', 'orders', 'feedback']) {
      const spec = join(dir, 'specs', `${domain}.yaml`);
      writeFileSync(
        spec,
        readFileSync(spec, 'utf8')
          .replace(/^ {2}version: (\d+)\.(\d+)\.(\d+)$/m, (_m, a, b) => `  version: ${a}.${Number(b) + 1}.0`)
          .replaceAll('summary: ', 'summary: Changed, '),
      );
    }
    const reference = tempRepo();
    cpSync(join(dir, 'specs'), join(reference, 'specs'), { recursive: true });
    expect((await runApis(['generate'], { cwd: reference })).code).toBe(0);
    const newFiles = files(join(reference, 'generated'));
    expect([...newFiles.keys()].sort()).toEqual([...oldFiles.keys()].sort());

    const random = seeded(20261122);
    const tally = { old: 0, new: 0 };
    for (let run = 0; run < 4; run++) {
      rmSync(join(dir, 'generated'), { recursive: true, force: true });
      cpSync(before, join(dir, 'generated'), { recursive: true });
      const child = spawn(process.execPath, [APIS_BIN, 'generate'], { cwd: dir, stdio: 'ignore' });
      let done = false;
      const closed = new Promise((r) =>
        child.on('close', () => {
          done = true;
          r(undefined);
        }),
      ); // listening now: it may finish before the kill
      // Killed while it writes (however slow the machine is to get there): from the first temporary
      // file on, after a random few milliseconds; the first run is killed before it writes anything.
      const delay = run === 0 ? 0 : Math.floor(random() * 60);
      while (run > 0 && !done && ![...readdirSync(join(dir, 'generated'), { recursive: true })].some((f) => String(f).endsWith('.tmp')))
        await new Promise((r) => setTimeout(r, 2));
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await closed;
      for (const [name, content] of files(join(dir, 'generated'))) {
        if (/\.tmp$/.test(name)) continue; // debris of an interrupted write, never the file itself
        const isOld = oldFiles.get(name) === content;
        const isNew = newFiles.get(name) === content;
        expect(isOld || isNew, `${name} after a kill at ${delay} ms is neither the old nor the new file`).toBe(true);
        if (isNew && !isOld) tally.new++;
        else tally.old++;
      }
      for (const name of oldFiles.keys()) expect(files(join(dir, 'generated')).has(name), `${name} vanished`).toBe(true);
    }
    // The kills landed before, during and after the writes.
    expect(tally.old).toBeGreaterThan(0);
    expect(tally.new).toBeGreaterThan(0);

    // The next run finishes the job and sweeps the debris.
    expect((await runApis(['generate'], { cwd: dir })).code).toBe(0);
    const after = files(join(dir, 'generated'));
    expect([...after.keys()].filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(after).toEqual(newFiles);
  }, 120_000);
});
