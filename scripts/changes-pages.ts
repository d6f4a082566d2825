/** `npm run changes:pages`: writes rules/changes/ from the change catalogue (scripts/diff/catalogue.ts). */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cataloguePages } from './diff/catalogue-pages.ts';
import { writeFileAtomic } from './lib/atomic-write.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pages = cataloguePages();
mkdirSync(join(root, 'rules', 'changes'), { recursive: true });
for (const [path, text] of pages) await writeFileAtomic(join(root, path), text);
for (const name of readdirSync(join(root, 'rules', 'changes'))) {
  if (!pages.has(`rules/changes/${name}`)) rmSync(join(root, 'rules', 'changes', name));
}
console.log(`rules/changes: ${pages.size} pages`);
