import spectralCore from '@stoplight/spectral-core';
import Parsers from '@stoplight/spectral-parsers';
import ruleset from '../../rules/ruleset.ts';
import { Resolver } from '@stoplight/spectral-ref-resolver';
import type { SpecModel } from '../lib/spec-model.ts';
import { pathToPointer } from '../lib/yaml-source.ts';
import { exceptionFor } from './exceptions.ts';
import { compareFindings, type Finding, type Severity } from './finding.ts';

const { Spectral, Document } = spectralCore;

const SEVERITIES: Severity[] = ['error', 'warning', 'info', 'hint'];

/**
 * Lints loaded specs in one Spectral run each. $refs are resolved from the files the model
 * already loaded and vetted, never from the network.
 */
export async function lintModels(models: SpecModel[]): Promise<Finding[]> {
  const files = new Map(models.flatMap((m) => [...m.files]));
  const labels = new Map(models.flatMap((m) => [...m.files.keys()].map((p) => [p, m.reader.label(p)] as const)));
  const refuse = async () => {
    throw new Error('remote $refs are not fetched');
  };
  const resolver = new Resolver({
    resolvers: {
      file: {
        async resolve(uri: { path(): string }) {
          const source = files.get(uri.path());
          if (!source) throw new Error(`file ${uri.path()} does not exist`);
          return source.text;
        },
      },
      http: { resolve: refuse },
      https: { resolve: refuse },
    },
  });
  const spectral = new Spectral({ resolver });
  spectral.setRuleset(ruleset as any);
  const findings: Finding[] = [];
  for (const model of models) {
    const parser = model.root.text.trimStart().startsWith('{') ? Parsers.Json : Parsers.Yaml;
    const results = await spectral.run(new Document(model.root.text, parser as any, model.path));
    for (const r of results) {
      const source = r.source ?? model.path;
      const reason = exceptionFor(files.get(source)?.value, r.path, String(r.code));
      findings.push({
        rule: String(r.code),
        severity: SEVERITIES[r.severity] ?? 'error',
        message: r.message,
        file: labels.get(source) ?? model.reader.label(source),
        line: r.range.start.line + 1,
        column: r.range.start.character + 1,
        pointer: pathToPointer(r.path),
        silenced: reason !== undefined,
        reason: reason ?? null,
      });
    }
  }
  return findings.sort(compareFindings);
}
