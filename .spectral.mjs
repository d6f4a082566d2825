// Plain Spectral (`npx spectral lint specs/payments.yaml`) and the Spectral editor extension read
// this file: the same structural and house rules as `apis lint`, compiled from rules/ruleset.ts
// by `npm ci` (prepare). `apis lint` additionally applies x-lint-exceptions.
export { default } from './rules/dist/ruleset.mjs';
