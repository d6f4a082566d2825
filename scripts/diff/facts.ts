/**
 * What the comparer observes, before anything is judged. A fact says what changed and on which side
 * of the wire; whether that breaks anyone is the catalogue's call (catalogue.ts), never the comparer's.
 *
 * Sides, seen from the API that the spec describes:
 *  - `request`: data the API receives and must keep accepting (request parameters and bodies, and
 *    the answers partners give to our webhooks and callbacks);
 *  - `response`: data the API sends and old clients must keep understanding (responses, and the
 *    payloads of webhooks and callbacks);
 *  - `both`: the operation as a whole (removed, secured, renamed, documented);
 *  - `document`: the document as a whole (servers, security schemes, version).
 */
export type FactSide = 'request' | 'response' | 'both' | 'document';

export interface Fact {
  kind: FactKind;
  side: FactSide;
  /** JSON pointer in the head document (in the base for removals). */
  location: string;
  /** Neutral: what changed, named by where it is (`request body.amount: maxLength lowered from 10 to 5`). */
  message: string;
}

/** A fact attached to the operation it was seen in. */
export interface OperationFact extends Fact {
  /** The operation's label (see operationLabel), or null for the document as a whole. */
  operation: string | null;
}

/**
 * Every kind of fact the comparer can emit, with its effect on the set of values a schema accepts
 * (`narrows`, `widens`, `both`), or `none` when it is not about accepted values. The effect lets a
 * change inside `not` be turned around and a change inside `if` be reported as a changed condition.
 */
export const FACT_KINDS = {
  // Operations
  'operation-removed': 'none',
  'operation-added': 'none',
  'operation-deprecated': 'none',
  'operation-undeprecated': 'none',
  'operation-id-changed': 'none',
  'summary-changed': 'none',
  'description-changed': 'none',
  'example-changed': 'none',
  'tags-changed': 'none',
  'servers-changed': 'none',
  'links-changed': 'none',
  // Parameters
  'path-parameter-renamed': 'none',
  'parameter-added': 'none',
  'parameter-added-required': 'none',
  'parameter-removed': 'none',
  'parameter-made-required': 'none',
  'parameter-made-optional': 'none',
  'parameter-serialization-changed': 'none',
  'parameter-serialization-reworded': 'none',
  'parameter-allow-reserved-removed': 'none',
  'parameter-allow-reserved-added': 'none',
  'parameter-empty-value-disallowed': 'none',
  'parameter-empty-value-allowed': 'none',
  'parameter-content-changed': 'none',
  'parameter-deprecated': 'none',
  // Bodies and media types
  'body-added': 'none',
  'body-added-required': 'none',
  'body-removed': 'none',
  'optional-body-removed': 'none',
  'body-made-required': 'none',
  'body-made-optional': 'none',
  'media-type-added': 'none',
  'media-type-removed': 'none',
  'schema-added': 'narrows',
  'schema-removed': 'widens',
  'encoding-changed': 'none',
  // Responses and headers
  'success-status-removed': 'none',
  'status-removed': 'none',
  'success-status-added': 'none',
  'status-added': 'none',
  'header-removed': 'none',
  'optional-header-removed': 'none',
  'header-added': 'none',
  'header-added-required': 'none',
  'header-made-required': 'none',
  'header-made-optional': 'none',
  // Security
  'security-added': 'none',
  'security-scope-added': 'none',
  'security-requirement-added': 'none',
  'security-alternative-removed': 'none',
  'security-relaxed': 'none',
  'security-scheme-changed': 'none',
  'security-scheme-removed': 'none',
  'security-scheme-added': 'none',
  // Document
  'version-changed': 'none',
  'schema-dialect-changed': 'none',
  // Schemas: types and values
  'type-changed': 'both',
  'type-widened': 'widens',
  'type-narrowed': 'narrows',
  'made-nullable': 'widens',
  'made-non-nullable': 'narrows',
  'format-changed': 'both',
  'enum-value-added': 'widens',
  'enum-value-removed': 'narrows',
  'constraint-tightened': 'narrows',
  'constraint-loosened': 'widens',
  'constraint-changed': 'both',
  'pattern-changed': 'both',
  // Schemas: objects
  'property-added': 'none',
  'property-added-required': 'narrows',
  'property-added-to-closed-schema': 'widens',
  'property-removed': 'none',
  'optional-property-removed': 'none',
  'property-removed-from-closed-schema': 'narrows',
  'property-made-required': 'narrows',
  'property-made-optional': 'widens',
  'schema-closed': 'narrows',
  'schema-opened': 'widens',
  // Schemas: composition
  'variant-added': 'widens',
  'overlapping-variant-added': 'both',
  'variant-removed': 'narrows',
  'discriminator-changed': 'both',
  'discriminator-value-added': 'widens',
  'discriminator-value-removed': 'narrows',
  'condition-changed': 'both',
  // Schemas: meaning of values and annotations
  'content-encoding-changed': 'both',
  'content-media-type-changed': 'none',
  'default-changed': 'none',
  'default-added': 'none',
  'default-removed': 'none',
  'schema-deprecated': 'none',
  'access-mode-changed': 'none',
  'xml-changed': 'none',
  'schema-changed': 'both',
} as const;

export type FactKind = keyof typeof FACT_KINDS;

/**
 * Facts that only ever occur on one side of the wire: a required property added only matters to
 * what clients send, a closed schema's extra property only to what they read, and so on.
 */
export const ONE_SIDED: Partial<Record<FactKind, 'request' | 'response'>> = {
  'path-parameter-renamed': 'request',
  'property-added-required': 'request',
  'property-removed-from-closed-schema': 'request',
  'overlapping-variant-added': 'request',
  'property-added-to-closed-schema': 'response',
  'optional-property-removed': 'response',
};
export type Effect = (typeof FACT_KINDS)[FactKind];

/**
 * A fact seen through `not`: what the inner schema accepts more of, the outer one accepts less of.
 * Facts without an effect on accepted values pass through unchanged.
 */
export function invertFact(fact: Fact): Fact {
  const effect = FACT_KINDS[fact.kind];
  if (effect === 'narrows') return { ...fact, kind: 'constraint-loosened', message: `${fact.message} (inside not: more values are accepted)` };
  if (effect === 'widens') return { ...fact, kind: 'constraint-tightened', message: `${fact.message} (inside not: fewer values are accepted)` };
  return fact;
}

/** A fact inside `if`: which values take `then` and which take `else` moved, in no one direction. */
export function conditionFact(fact: Fact): Fact {
  if (FACT_KINDS[fact.kind] === 'none') return fact;
  return { ...fact, kind: 'condition-changed', message: `${fact.message} (inside if: the values that take then/else changed)` };
}
