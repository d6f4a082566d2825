import spectralCore from '@stoplight/spectral-core';
import Parsers from '@stoplight/spectral-parsers';
import { oas } from '@stoplight/spectral-rulesets';
import { readFileSync } from 'node:fs';
const { Spectral, Document } = spectralCore;
const F = '/work/main/.cache/bench/package/generated/api.github.com.json';
const text = readFileSync(F, 'utf8');
const names = Object.keys((oas as any).rules).filter((n) => !n.startsWith('oas2'));
const recommended = names.filter((n) => (oas as any).rules[n].recommended !== false);
for (const only of ['__none__', ...recommended]) {
  if (only === 'oas3-valid-media-example' || only === 'oas3-valid-schema-example') continue;
  const doc = new Document(text, Parsers.Json as any, F);
  const rules: any = {};
  for (const k of Object.keys((oas as any).rules)) rules[k] = k === only ? 'error' : 'off';
  const s = new Spectral();
  s.setRuleset({ extends: [[oas as any, 'all']], rules } as any);
  const t = performance.now();
  const r = await s.run(doc);
  console.log(only, Math.round(performance.now() - t), r.length);
}
