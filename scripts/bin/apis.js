#!/usr/bin/env node
// Entry point of `npx apis`: registers tsx so the TypeScript sources run without a build step.
process.env.SCARF_ANALYTICS ??= 'false';
process.env.REDOCLY_TELEMETRY ??= 'off';
const { register } = await import('tsx/esm/api');
register();
await import('../cli.ts');
