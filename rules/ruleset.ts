/**
 * The house rules of the catalogue, as Spectral rules: `apis lint` calls their functions directly,
 * and plain `spectral lint` and the editor run them through rules/spectral.ts (.spectral.mjs).
 * Each rule runs once on the whole unresolved document and reads the shared index.
 */
import { houseConfig as config } from './config.ts';
import type { HouseRuleFunction } from './lib/define.ts';
import { REDOCLY_RULE_IDS, SPECTRAL_OAS_RULE_IDS } from './structural-rule-ids.ts';
import businessOutcomeAsState from './functions/business-outcome-as-state.ts';
import callbackUrlHttps from './functions/callback-url-https.ts';
import collectionPagination from './functions/collection-pagination.ts';
import conditionalUpdate from './functions/conditional-update.ts';
import deleteIdempotent from './functions/delete-idempotent.ts';
import errorResponseFormat from './functions/error-response-format.ts';
import idempotencyConflictDocumented from './functions/idempotency-conflict-documented.ts';
import idempotencyKeyRequired from './functions/idempotency-key-required.ts';
import lintExceptionReason from './functions/lint-exception-reason.ts';
import moneyAsString from './functions/money-as-string.ts';
import moneyHasCurrency from './functions/money-has-currency.ts';
import noInternalFields from './functions/no-internal-fields.ts';
import opaqueIds from './functions/opaque-ids.ts';
import patternRedos from './functions/pattern-redos.ts';
import versionSemver from './functions/version-semver.ts';
import operationDocumented from './functions/operation-documented.ts';
import operationSecured from './functions/operation-secured.ts';
import patchMediaType from './functions/patch-media-type.ts';
import pathVersion from './functions/path-version.ts';
import propertyDescription from './functions/property-description.ts';
import propertyNaming from './functions/property-naming.ts';
import putMatchesGet from './functions/put-matches-get.ts';
import rateLimitDocumented from './functions/rate-limit-documented.ts';
import retryAfterHeader from './functions/retry-after-header.ts';
import statusCodeAllowed from './functions/status-code-allowed.ts';
import webhookContract from './functions/webhook-contract.ts';
import webhookPollingFallback from './functions/webhook-polling-fallback.ts';
import type { Json } from '../scripts/model/openapi-index.ts';

type HouseFunction = HouseRuleFunction<Json>;

interface CatalogueEntry {
  severity: 'error' | 'warn';
  description: string;
  fn: HouseFunction;
  options?: Record<string, unknown>;
}

/** The catalogue: rule ids and severities are a contract (see rules/docs/<id>.md). */
const catalogue: Record<string, CatalogueEntry> = {
  'status-code-allowed': {
    severity: 'error',
    description: 'Responses use transport status codes from the allow-list only.',
    fn: statusCodeAllowed,
    options: { allowedStatusCodes: config.allowedStatusCodes },
  },
  'business-outcome-as-state': {
    severity: 'warn',
    description: 'A status enum with failure values has a sibling saying why.',
    fn: businessOutcomeAsState,
    options: { failureStatuses: config.failureStatuses },
  },
  'money-as-string': {
    severity: 'error',
    description: 'Money is a decimal string, never a number.',
    fn: moneyAsString,
    options: { moneyTokens: config.moneyTokens, countTokens: config.countTokens },
  },
  'money-has-currency': { severity: 'error', description: 'An object holding money has a required ISO 4217 currency.', fn: moneyHasCurrency },
  'idempotency-key-required': {
    severity: 'error',
    description: 'Every POST takes a required Idempotency-Key header unless it is naturally idempotent.',
    fn: idempotencyKeyRequired,
  },
  'idempotency-conflict-documented': {
    severity: 'error',
    description: 'An operation that takes Idempotency-Key declares 409.',
    fn: idempotencyConflictDocumented,
  },
  'patch-media-type': { severity: 'error', description: 'PATCH bodies are JSON merge patch or JSON patch.', fn: patchMediaType },
  'put-matches-get': { severity: 'error', description: 'PUT sends the same schema that GET returns.', fn: putMatchesGet },
  'conditional-update': { severity: 'error', description: 'Changes to an item take If-Match and declare 412; its GET returns an ETag.', fn: conditionalUpdate },
  'delete-idempotent': { severity: 'error', description: 'DELETE has no body and succeeds with 200, 202 or 204.', fn: deleteIdempotent },
  'operation-secured': { severity: 'error', description: 'Every operation is authenticated with a safe scheme.', fn: operationSecured },
  'opaque-ids': { severity: 'error', description: 'Identifiers are strings.', fn: opaqueIds },
  'pattern-redos': { severity: 'error', description: 'Patterns run in linear time: no catastrophic backtracking.', fn: patternRedos },
  'version-semver': { severity: 'error', description: 'info.version is a semantic version.', fn: versionSemver },
  'no-internal-fields': {
    severity: 'error',
    description: 'No internal or technical fields; no readable secrets in responses.',
    fn: noInternalFields,
    options: { internalTokens: config.internalTokens, secretTokens: config.secretTokens },
  },
  'callback-url-https': { severity: 'error', description: 'URLs we deliver to are https only.', fn: callbackUrlHttps },
  'path-version': { severity: 'error', description: 'Paths start with /vN/; server URLs carry no version.', fn: pathVersion },
  'collection-pagination': {
    severity: 'error',
    description: 'Lists are objects paged with a cursor and a bounded limit.',
    fn: collectionPagination,
    options: { cursorParameters: config.cursorParameters, forbiddenPaginationParameters: config.forbiddenPaginationParameters },
  },
  'retry-after-header': { severity: 'error', description: '429 and 503 declare Retry-After.', fn: retryAfterHeader },
  'rate-limit-documented': { severity: 'warn', description: 'Every operation declares 429.', fn: rateLimitDocumented },
  'webhook-contract': {
    severity: 'error',
    description: 'Webhooks carry event_id, event_type, occurred_at, a signature and documented delivery.',
    fn: webhookContract,
    options: { signatureHeader: config.signatureHeader },
  },
  'webhook-polling-fallback': {
    severity: 'error',
    description: 'A document with webhooks has a cursor-paginated events feed.',
    fn: webhookPollingFallback,
    options: { cursorParameters: config.cursorParameters },
  },
  'error-response-format': {
    severity: 'error',
    description: 'Error responses are application/problem+json with type, title and status.',
    fn: errorResponseFormat,
  },
  'operation-documented': {
    severity: 'error',
    description: 'Operations have a lowerCamelCase operationId, a summary, a description and declared tags.',
    fn: operationDocumented,
  },
  'property-description': { severity: 'warn', description: 'Every property has a description.', fn: propertyDescription },
  'property-naming': { severity: 'error', description: 'Property names are snake_case.', fn: propertyNaming },
  'lint-exception-reason': {
    severity: 'error',
    description: 'Every x-lint-exceptions entry names a rule and gives a reason.',
    fn: lintExceptionReason,
    options: { minExceptionReasonLength: config.minExceptionReasonLength, knownRules: [] },
  },
};

export const HOUSE_RULE_IDS = Object.keys(catalogue);

/**
 * Rule ids an x-lint-exceptions entry may name: the house rules, Spectral's OpenAPI rules (what plain
 * Spectral reports) and Redocly's built-in rules (what `apis lint` reports for structure).
 */
export const KNOWN_RULE_IDS = [...HOUSE_RULE_IDS, ...SPECTRAL_OAS_RULE_IDS, ...REDOCLY_RULE_IDS];
catalogue['lint-exception-reason'].options = { ...catalogue['lint-exception-reason'].options, knownRules: KNOWN_RULE_IDS };

/** Rule ids that no x-lint-exceptions entry can silence. */
export const UNSILENCEABLE_RULES = ['lint-exception-reason'];

export const houseRules = Object.fromEntries(
  Object.entries(catalogue).map(([id, rule]) => [
    id,
    {
      description: rule.description,
      severity: rule.severity,
      given: '$',
      resolved: false,
      // Every message ends with the rule id, so a reader can find rules/docs/<id>.md.
      message: `{{error}} (${id})`,
      then: { function: rule.fn, ...(rule.options ? { functionOptions: rule.options } : {}) },
    },
  ]),
);
