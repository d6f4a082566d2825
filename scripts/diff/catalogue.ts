/**
 * The change catalogue: every kind of change `apis diff` reports, with a fixed id, the side of the
 * wire it concerns and its level. Built like the house-rule catalogue: ids are a contract (they are
 * what `x-accepted-breaking-changes` names), each has a page in rules/changes/<id>.md (generated from
 * this registry by `npm run changes:pages`), and the comparer never decides a level itself: it emits
 * neutral facts (facts.ts) that `classify` turns into changes here.
 */
import type { CatalogueSide, Change, Level } from './change.ts';
import type { FactKind, FactSide, OperationFact } from './facts.ts';

export type { CatalogueSide };

export interface ChangeKind {
  id: string;
  /** The facts this entry classifies, and on which side (`both` also takes facts of either wire side). */
  facts: FactKind[];
  side: CatalogueSide;
  level: Level;
  /** One line: what the change is. */
  title: string;
  /** Why it breaks old clients, or why it does not. */
  why: string;
  /** For breaking changes: the compatible way to reach the same goal. */
  instead?: string;
  /** A minimal before/after pair (YAML fragments). */
  example?: [string, string];
  /** Ids this kind was reported under before; acceptances naming them still match. */
  aliases?: string[];
}

const k = (id: string, facts: FactKind | FactKind[], side: CatalogueSide, level: Level, title: string, why: string, extra: Partial<ChangeKind> = {}): ChangeKind => ({ id, facts: Array.isArray(facts) ? facts : [facts], side, level, title, why, ...extra });

export const CATALOGUE: ChangeKind[] = [
  // Operations
  k('operation-removed', 'operation-removed', 'both', 'breaking', 'An operation (or webhook) was removed.', 'Clients calling it get 404 or 405; partners stop receiving a webhook they rely on. Old app versions keep calling it for months.', {
    instead: 'Mark it `deprecated: true` with an `x-sunset: YYYY-MM-DD` date on the production branch first; once that date has passed, removing it is allowed by the gate.',
    example: ['paths:\n  /v1/coupons:\n    get: {…}', 'paths: {}'],
  }),
  k('operation-added', 'operation-added', 'both', 'info', 'An operation (or webhook) was added.', 'Nobody calls it yet. Adding operations needs a minor `info.version` bump.', { example: ['paths: {}', 'paths:\n  /v1/coupons:\n    get: {…}'] }),
  k('operation-deprecated', 'operation-deprecated', 'both', 'info', 'An operation was marked deprecated.', 'It keeps working; clients are told to move on. Add `x-sunset` to announce when it may be removed.', { example: ['get:\n  operationId: listCoupons', 'get:\n  operationId: listCoupons\n  deprecated: true\n  x-sunset: "2027-06-30"'] }),
  k('operation-undeprecated', 'operation-undeprecated', 'both', 'info', 'An operation is no longer deprecated.', 'It keeps working as before.'),
  k('operation-id-changed', 'operation-id-changed', 'both', 'warning', 'An operationId changed.', 'The wire is unchanged, but generated clients rename the method (and generated servers the handler): code that calls the old name stops compiling when it updates the client.', {
    example: ['operationId: listCoupons', 'operationId: getCoupons'],
  }),
  k('summary-changed', 'summary-changed', 'both', 'info', 'An operation summary changed.', 'Documentation only.'),
  k('description-changed', 'description-changed', 'both', 'info', 'A description or title changed.', 'Documentation only: nothing on the wire changes.'),
  k('example-changed', 'example-changed', 'both', 'info', 'An example changed.', 'Examples document, they do not constrain (the mock serves them, so mock users see the new one).'),
  k('tags-changed', 'tags-changed', 'both', 'info', 'The tags of an operation changed.', 'Tags group operations in the docs; the wire is unchanged.'),
  k('links-changed', 'links-changed', 'both', 'info', 'The links of a response changed.', 'Links document how responses lead to other operations; nothing on the wire changes.'),
  k('servers-changed', 'servers-changed', 'both', 'warning', 'The server list changed (of the document or of an operation).', 'Clients configured with a removed URL stop reaching the API; a changed base path moves every operation. Check that every old URL still answers.'),
  k('version-changed', 'version-changed', 'document', 'info', '`info.version` changed.', 'The gate checks the bump: major when breaking changes are accepted, minor when operations are added.'),
  k('schema-dialect-changed', 'schema-dialect-changed', 'document', 'warning', '`jsonSchemaDialect` changed.', 'Every schema without its own `$schema` is now read under another dialect: keywords may mean something else or nothing.'),

  // Parameters (requests)
  k('parameter-added-required', 'parameter-added-required', 'request', 'breaking', 'A required parameter was added.', 'Old clients do not send it, so every call they make is refused.', {
    instead: 'Add it as optional with a documented default, or put the operation that needs it under a new `/vN/` path.',
    example: ['parameters: []', 'parameters:\n  - name: region\n    in: query\n    required: true\n    schema: { type: string }'],
  }),
  k('parameter-added', 'parameter-added', 'request', 'info', 'An optional parameter was added.', 'Old clients do not send it and keep working.'),
  k('parameter-removed', 'parameter-removed', 'request', 'warning', 'A parameter was removed.', 'Old clients still send it; the server now ignores it (or refuses it, if it rejects unknown parameters). Either way what the client asked for is silently no longer honoured: check nobody relies on it.'),
  k('parameter-made-required', 'parameter-made-required', 'request', 'breaking', 'An optional parameter became required.', 'Old clients that leave it out are refused.', { instead: 'Keep it optional and give it a default that matches the old behaviour.', example: ['- name: cursor\n  in: query\n  schema: { type: string }', '- name: cursor\n  in: query\n  required: true\n  schema: { type: string }'] }),
  k('parameter-made-optional', 'parameter-made-optional', 'request', 'info', 'A required parameter became optional.', 'Old clients still send it; new ones may leave it out.'),
  k('path-parameter-renamed', 'path-parameter-renamed', 'request', 'info', 'A path parameter was renamed.', 'The URL is the same, so nothing on the wire changes (generated clients rename the argument).'),
  k('parameter-serialization-changed', 'parameter-serialization-changed', 'request', 'breaking', 'How a parameter is written on the wire changed (`style`, `explode`).', 'Old clients keep writing `?ids=1,2` (or `?ids=1&ids=2`, `.5`, `;id=5`), which the server now reads differently or refuses.', {
    instead: 'Add a new parameter with the new serialization and keep accepting the old one.',
    example: ['- name: ids\n  in: query\n  schema: { type: array, items: { type: string } }', '- name: ids\n  in: query\n  explode: false\n  schema: { type: array, items: { type: string } }'],
  }),
  k('parameter-serialization-reworded', 'parameter-serialization-reworded', 'request', 'info', '`style` or `explode` changed without changing how this scalar value is written.', 'For a single string, number or boolean in a query, `form`, `spaceDelimited` and `pipeDelimited` (exploded or not) all write `name=value`.'),
  k('parameter-allow-reserved-removed', 'parameter-allow-reserved-removed', 'request', 'breaking', '`allowReserved` was removed from a query parameter.', 'Old clients send characters such as `/` and `?` unencoded, which the server now reads differently.', { instead: 'Keep `allowReserved: true`.' }),
  k('parameter-allow-reserved-added', 'parameter-allow-reserved-added', 'request', 'info', '`allowReserved` was added to a query parameter.', 'Old clients percent-encode reserved characters, which is still accepted.'),
  k('parameter-empty-value-disallowed', 'parameter-empty-value-disallowed', 'request', 'breaking', '`allowEmptyValue` was removed: an empty parameter value is refused.', 'Old clients that send `?flag=` are refused.', { instead: 'Keep accepting the empty value and give it a meaning.' }),
  k('parameter-empty-value-allowed', 'parameter-empty-value-allowed', 'request', 'info', 'An empty parameter value is now allowed.', 'Everything old clients sent is still accepted.'),
  k('parameter-content-changed', 'parameter-content-changed', 'request', 'breaking', 'A parameter switched between `schema` and `content`, or its media type changed.', 'The value is encoded differently (for example a JSON-encoded query value instead of a plain one): old clients send what the server no longer parses.', {
    instead: 'Add a new parameter with the new encoding; keep the old one.',
  }),
  k('parameter-deprecated', 'parameter-deprecated', 'both', 'info', 'A parameter was marked deprecated.', 'It keeps working; clients are told to stop sending it.'),

  // Parameters of webhooks and callbacks (we send them)
  k('webhook-parameter-added', ['parameter-added', 'parameter-added-required'], 'response', 'info', 'A webhook or callback now carries a new header or parameter.', 'Receivers ignore what they do not know.'),
  k('webhook-parameter-removed', 'parameter-removed', 'response', 'breaking', 'A webhook or callback no longer carries a header or parameter.', 'Receivers that read it (a signature, an event id) get nothing.', { instead: 'Keep sending it; add the new one beside it.' }),
  k('webhook-parameter-made-optional', 'parameter-made-optional', 'response', 'breaking', 'A header or parameter of a webhook is no longer always sent.', 'Receivers that expect it in every delivery fail when it is missing.', { instead: 'Keep sending it in every delivery.' }),
  k('webhook-parameter-made-required', 'parameter-made-required', 'response', 'info', 'A header or parameter of a webhook is now always sent.', 'Receivers that coped with its absence keep working.'),
  k('webhook-parameter-changed', ['parameter-serialization-changed', 'parameter-serialization-reworded', 'parameter-allow-reserved-removed', 'parameter-allow-reserved-added', 'parameter-empty-value-disallowed', 'parameter-empty-value-allowed', 'parameter-content-changed'], 'response', 'warning', 'How a webhook header or parameter is written changed.', 'Receivers parse what we send: check they read the new form.'),

  // Request bodies
  k('request-body-added-required', 'body-added-required', 'request', 'breaking', 'A required request body was added.', 'Old clients send no body and are refused.', { instead: 'Make the body optional and keep the old behaviour when it is absent.', example: ['post:\n  responses: {…}', 'post:\n  requestBody:\n    required: true\n    content: {application/json: {schema: {…}}}'] }),
  k('request-body-added', 'body-added', 'request', 'info', 'An optional request body was added.', 'Old clients send none and keep working.'),
  k('request-body-removed', 'body-removed', 'request', 'breaking', 'A required request body was removed.', 'Old clients still send the body; the operation no longer reads it (or refuses it). What they asked for is not done any more.', {
    instead: 'Keep accepting the body (it may be ignored only if nothing depended on it), or move the new behaviour to a new `/vN/` operation.',
    example: ['requestBody:\n  required: true\n  content: {application/json: {schema: {$ref: "#/components/schemas/RefundInput"}}}', '# no requestBody'],
  }),
  k('optional-request-body-removed', 'optional-body-removed', 'request', 'warning', 'An optional request body was removed.', 'Clients that send it are no longer heard. Check nobody sends it.'),
  k('request-body-made-required', 'body-made-required', 'request', 'breaking', 'The request body became required.', 'Old clients that send no body are refused.', { instead: 'Keep it optional, with the old behaviour when it is absent.' }),
  k('request-body-made-optional', 'body-made-optional', 'request', 'info', 'The request body became optional.', 'Old clients still send it.'),
  k('request-media-type-removed', 'media-type-removed', 'request', 'breaking', 'A request media type was removed.', 'Old clients still send bodies of that type and get 415.', { instead: 'Keep accepting it beside the new one.', example: ['content:\n  application/json: {…}\n  application/x-www-form-urlencoded: {…}', 'content:\n  application/json: {…}'] }),
  k('request-media-type-added', 'media-type-added', 'request', 'info', 'A request media type was added.', 'Old clients keep sending the old one.', { aliases: ['media-type-added'] }),
  k('request-schema-added', 'schema-added', 'request', 'breaking', 'A schema was added where any value was accepted (a media type or parameter without a schema).', 'Every value was valid before; now only those matching the schema are. Old clients sending anything else are refused.', {
    instead: 'Start with a schema that accepts everything clients send today, and tighten it under a new `/vN/` path.',
    example: ['content:\n  application/json: {}', 'content:\n  application/json:\n    schema: { type: object, required: [amount] }'],
  }),
  k('request-schema-removed', 'schema-removed', 'request', 'info', 'The schema of a request media type or parameter was removed.', 'Any value is now accepted, including everything old clients send.'),
  k('encoding-changed', 'encoding-changed', 'both', 'warning', 'The `encoding` of a multipart or form body changed.', 'The content type or headers of body parts changed: check that senders and receivers write and read parts the same way.'),

  // Payloads of webhooks and callbacks (we send them)
  k('webhook-payload-added', ['body-added', 'body-added-required'], 'response', 'info', 'A webhook or callback now carries a body.', 'Receivers that did not expect one ignore it.'),
  k('webhook-payload-removed', ['body-removed', 'optional-body-removed'], 'response', 'breaking', 'A webhook or callback no longer carries its body.', 'Receivers read the event from it.', { instead: 'Keep sending the body.' }),
  k('webhook-payload-made-optional', 'body-made-optional', 'response', 'breaking', 'A webhook or callback body is no longer always sent.', 'Receivers expect a body in every delivery.', { instead: 'Keep sending it in every delivery.' }),
  k('webhook-payload-made-required', 'body-made-required', 'response', 'info', 'A webhook or callback body is now always sent.', 'Receivers that coped with its absence keep working.'),

  // Responses
  k('response-success-status-removed', 'success-status-removed', 'response', 'breaking', 'A success (2xx) response was removed.', 'Clients handle the success they know; the operation now succeeds with something else, which they treat as an error or cannot parse.', {
    instead: 'Keep answering with the old status.',
    example: ["responses:\n  '200': {…}", "responses:\n  '201': {…}"],
  }),
  k('response-status-removed', 'status-removed', 'response', 'warning', 'An error (or other non-2xx) response was removed from the contract.', 'A client that handled it just never sees it again. But if the server still sends it, the contract is now wrong; and whatever replaces it is reported as added.', { aliases: [] }),
  k('response-success-status-added', 'success-status-added', 'response', 'warning', 'A success (2xx) response was added.', 'If the server can now answer, say, 202 instead of 200, old clients that only handle 200 treat the success as an error. Fine if the new status only answers a new kind of request.'),
  k('response-status-added', 'status-added', 'response', 'info', 'An error (or other non-2xx) response was added.', 'Clients already have to cope with unexpected errors; the contract now documents one more.'),
  k('response-media-type-removed', 'media-type-removed', 'response', 'breaking', 'A response media type was removed.', 'Old clients ask for it (Accept) and parse it; they now get 406 or a body they cannot read.', { instead: 'Keep offering it beside the new one.', example: ['content:\n  application/json: {…}\n  application/xml: {…}', 'content:\n  application/json: {…}'] }),
  k('response-media-type-added', 'media-type-added', 'response', 'info', 'A response media type was added.', 'Clients get it only when they ask for it (Accept); old ones keep getting the old one.'),
  k('response-schema-added', 'schema-added', 'response', 'info', 'A schema was added to a response that had none.', 'Responses are now documented; old clients parsed them without a contract and keep doing so.'),
  k('response-schema-removed', 'schema-removed', 'response', 'warning', 'The schema of a response was removed.', 'The response may now be anything: old clients parse it with the old schema. Check the server still sends that shape.'),
  k('response-header-removed', 'header-removed', 'response', 'breaking', 'A required response header was removed.', 'Clients read it (an ETag, a Location, Retry-After).', { instead: 'Keep sending it.' }),
  k('response-optional-header-removed', 'optional-header-removed', 'response', 'warning', 'An optional response header was removed.', 'Clients had to cope with its absence, but some may rely on it being sent in practice.'),
  k('response-header-added', ['header-added', 'header-added-required'], 'response', 'info', 'A response header was added.', 'Clients ignore headers they do not know.'),
  k('response-header-made-optional', 'header-made-optional', 'response', 'breaking', 'A response header is no longer always sent.', 'Clients expect it in every response.', { instead: 'Keep sending it in every response.' }),
  k('response-header-made-required', 'header-made-required', 'response', 'info', 'A response header is now always sent.', 'Clients that coped with its absence keep working.'),

  // What partners answer to our webhooks and callbacks (we receive it)
  k('webhook-response-status-removed', ['success-status-removed', 'status-removed'], 'request', 'warning', 'A response partners may give to a webhook or callback was removed from the contract.', 'Partners still answer with it; check the sender still treats it as before (acknowledged, or retried).'),
  k('webhook-response-status-added', ['success-status-added', 'status-added'], 'request', 'info', 'A response partners may give to a webhook or callback was added.', 'Partners may answer with it; nothing they do today changes.'),
  k('webhook-response-header-added', 'header-added', 'request', 'info', 'A header partners may send in their answer to a webhook was added.', 'Nobody has to send it.'),
  k('webhook-response-header-required', ['header-added-required', 'header-made-required'], 'request', 'breaking', 'Partners must now send a header in their answer to a webhook.', 'Existing receivers do not send it.', { instead: 'Keep the header optional.' }),
  k('webhook-response-header-relaxed', ['header-removed', 'optional-header-removed', 'header-made-optional'], 'request', 'info', 'A header partners sent in their answer to a webhook is no longer required, or no longer read.', 'Partners may keep sending it.'),

  // Security
  k('security-added', 'security-added', 'both', 'breaking', 'An open operation now requires authentication.', 'Clients that call it anonymously are refused with 401.', { instead: 'Keep the operation open (an empty `{}` alternative) until every client sends credentials, then accept the change.' }),
  k('security-scope-added', 'security-scope-added', 'both', 'breaking', 'An operation now needs more OAuth scopes.', 'Tokens issued to old clients do not carry the new scope: their calls are refused with 403.', { instead: 'Keep the old requirement as an alternative until every client requests the new scope.' }),
  k('security-requirement-added', 'security-requirement-added', 'both', 'breaking', 'An operation now needs another credential on top of the one clients send.', 'Old clients send only the credential they had; they are refused.', { instead: 'Keep the old requirement as an alternative.' }),
  k('security-alternative-removed', 'security-alternative-removed', 'both', 'breaking', 'A way of authenticating an operation is no longer accepted.', 'Clients that authenticate that way (an API key instead of a bearer token, say) are refused.', { instead: 'Keep accepting it until no client uses it.', aliases: ['security-requirement-changed'] }),
  k('security-relaxed', 'security-relaxed', 'both', 'info', 'A security requirement, scope or alternative was removed or added in a way that every old client still meets.', 'Clients that still send credentials keep working; anonymous access or fewer scopes just become possible.', { aliases: ['security-requirement-added-alternative'] }),
  k('security-scheme-changed', 'security-scheme-changed', 'document', 'breaking', 'A security scheme changed how credentials are sent (type, header or query name, URLs).', 'Existing credentials go where the server no longer looks.', { instead: 'Add a new scheme beside the old one and accept either.' }),
  k('security-scheme-removed', 'security-scheme-removed', 'document', 'info', 'A security scheme was removed from components.', 'Only operations that still required it would break, and those are reported on their own; an unused scheme harms nobody.'),
  k('security-scheme-added', 'security-scheme-added', 'document', 'info', 'A security scheme was added.', 'Nothing requires it until an operation does.'),

  // Schemas: types and values
  k('type-changed', 'type-changed', 'both', 'breaking', "A value's type changed (neither wider nor narrower).", 'Values of the old type are refused in requests; in responses, clients parsing the old type crash. Old app versions stay in use for months.', {
    instead: 'Add a new field with the new type and keep filling the old one.',
    example: ['amount: { type: integer }', 'amount: { type: string }'],
  }),
  k('request-type-widened', 'type-widened', 'request', 'info', 'A request value accepts more types (for example integer → number).', 'Everything old clients sent is still accepted.'),
  k('response-type-widened', 'type-widened', 'response', 'breaking', 'A response value may now have more types (for example integer → number).', 'Clients parse the old type: a 2.5 where they expect an integer fails.', { instead: 'Add a new field with the wider type.', example: ['count: { type: integer }', 'count: { type: number }'] }),
  k('request-type-narrowed', 'type-narrowed', 'request', 'breaking', 'A request value accepts fewer types (for example number → integer).', 'Old clients sending the dropped type are refused.', { instead: 'Keep accepting the old types.' }),
  k('response-type-narrowed', 'type-narrowed', 'response', 'info', 'A response value has fewer possible types.', 'Every value clients get was valid before.'),
  k('request-made-nullable', 'made-nullable', 'request', 'info', 'A request value may now be null.', 'Old clients never send null.'),
  k('response-made-nullable', 'made-nullable', 'response', 'breaking', 'A response value may now be null.', 'Old clients do not expect null and crash on it.', { instead: 'Leave the field out (optional) or add a new nullable field.', example: ['name: { type: string }', 'name: { type: [string, "null"] }'] }),
  k('request-made-non-nullable', 'made-non-nullable', 'request', 'breaking', 'A request value may no longer be null.', 'Old clients sending null are refused.', { instead: 'Keep accepting null and treat it as absent.' }),
  k('response-made-non-nullable', 'made-non-nullable', 'response', 'info', 'A response value is never null any more.', 'Old clients handle null and non-null values.'),
  k('format-changed', 'format-changed', 'both', 'breaking', 'A format changed (date-time → date, uuid → email…).', 'A different format is a different kind of value: old clients send or parse the old one.', { instead: 'Add a new field with the new format.', example: ['at: { type: string, format: date-time }', 'at: { type: string, format: date }'] }),
  k('request-enum-value-added', 'enum-value-added', 'request', 'info', 'A request enum accepts a new value.', 'Old clients never send it.'),
  k('response-enum-value-added', 'enum-value-added', 'response', 'breaking', 'A response enum may carry a new value.', 'Clients switching over the known values crash or misbehave on the new one.', {
    instead: "Document enums that will grow as open (`x-extensible-enum`) from the start and have clients handle unknown values, or return the new state in a new field.",
    example: ['status: { enum: [pending, succeeded, canceled] }', 'status: { enum: [pending, succeeded, canceled, disputed] }'],
  }),
  k('request-enum-value-removed', 'enum-value-removed', 'request', 'breaking', 'A request enum no longer accepts a value.', 'Old clients still send it and are refused.', { instead: 'Keep accepting the value (it may map to its replacement).', example: ['sort: { enum: [name, created_at] }', 'sort: { enum: [name] }'] }),
  k('response-enum-value-removed', 'enum-value-removed', 'response', 'info', 'A response enum no longer carries a value.', 'Clients still handle it; they just never see it.'),
  k('request-constraint-tightened', 'constraint-tightened', 'request', 'breaking', 'A request value is constrained more (a lower maximum, a new pattern or format, an enum, closed items, an allOf part…).', 'Requests that were valid may now be refused.', {
    instead: 'Keep the old limits for old clients; enforce the new one under a new `/vN/` path.',
    example: ['comment: { type: string, maxLength: 1000 }', 'comment: { type: string, maxLength: 200 }'],
  }),
  k('response-constraint-tightened', 'constraint-tightened', 'response', 'info', 'A response value is constrained more.', 'Every value clients get was valid before.'),
  k('request-constraint-loosened', 'constraint-loosened', 'request', 'info', 'A request value is constrained less (a higher maximum, a pattern removed or widened…).', 'Everything old clients sent is still accepted.'),
  k('response-constraint-loosened', 'constraint-loosened', 'response', 'breaking', 'A response value is constrained less.', 'Responses may now hold values old clients reject or mishandle (a longer string than their column, a number beyond their range).', {
    instead: 'Keep responses within the old limits; put wider values in a new field.',
    example: ['name: { type: string, maxLength: 50 }', 'name: { type: string, maxLength: 500 }'],
  }),
  k('constraint-changed', 'constraint-changed', 'both', 'breaking', 'A constraint changed in no one direction (for example multipleOf 3 → 5).', 'Some values valid before are refused, others are new: both old senders and old readers may fail.', { instead: 'Add a new field with the new constraint.' }),
  k('pattern-changed', 'pattern-changed', 'both', 'warning', 'A pattern was replaced by another restrictive one.', 'Whether old values still match cannot be decided in general: check the old values against the new pattern. A pattern removed, or widened to match anything, is reported as loosened instead.'),

  // Schemas: objects
  k('request-property-added', 'property-added', 'request', 'info', 'An optional request property was added.', 'Old clients do not send it.'),
  k('response-property-added', 'property-added', 'response', 'info', 'A response property was added.', 'Clients ignore properties they do not know (unless the schema was closed, see response-property-added-to-closed-schema).'),
  k('request-property-added-required', 'property-added-required', 'request', 'breaking', 'A required request property was added.', 'Old clients do not send it and are refused.', { instead: 'Add it as optional, with a default that keeps the old behaviour.', example: ['required: [amount]', 'required: [amount, currency]\nproperties:\n  currency: {…}'] }),
  k('response-property-added-to-closed-schema', 'property-added-to-closed-schema', 'response', 'warning', 'A property was added to a response schema that refused unknown properties.', 'Clients that validate responses strictly against the old schema (additionalProperties: false) refuse the new property.'),
  k('request-property-removed', 'property-removed', 'request', 'warning', 'A property was removed from a request schema that allows unknown properties.', 'Old clients still send it; the server now ignores it. Check nothing depended on it.'),
  k('request-property-removed-from-closed-schema', 'property-removed-from-closed-schema', 'request', 'breaking', 'A property was removed from (or made readOnly in) a request schema that refuses unknown properties.', 'Old clients still send it, and a schema with `additionalProperties: false` (or `unevaluatedProperties: false`) now refuses their request with 400.', {
    instead: 'Keep the property (deprecated, ignored) until no client sends it.',
    example: ['additionalProperties: false\nproperties:\n  amount: {…}\n  note: {…}', 'additionalProperties: false\nproperties:\n  amount: {…}'],
  }),
  k('response-property-removed', 'property-removed', 'response', 'breaking', 'A required response property was removed (or made writeOnly).', 'Clients read it in every response and crash without it.', {
    instead: 'Keep sending it (deprecated) and add its replacement beside it.',
    example: ['required: [id, failure_reason]', 'required: [id]  # failure_reason removed'],
  }),
  k('response-optional-property-removed', 'optional-property-removed', 'response', 'warning', 'An optional response property was removed (or made writeOnly).', 'Clients had to cope with its absence, but a client that shows it when present loses the information. Check nobody relies on it.'),
  k('request-property-made-required', 'property-made-required', 'request', 'breaking', 'A request property became required.', 'Old clients that leave it out are refused.', { instead: 'Keep it optional with a default.', example: ['required: [amount]', 'required: [amount, note]'] }),
  k('response-property-made-required', 'property-made-required', 'response', 'info', 'A response property is now always present.', 'Clients that coped with its absence keep working.'),
  k('request-property-made-optional', 'property-made-optional', 'request', 'info', 'A request property became optional.', 'Old clients still send it.'),
  k('response-property-made-optional', 'property-made-optional', 'response', 'breaking', 'A response property is no longer always present.', 'Clients read it in every response.', { instead: 'Keep sending it.', example: ['required: [id, name]', 'required: [id]'] }),
  k('request-schema-closed', 'schema-closed', 'request', 'breaking', 'A request schema now refuses properties it does not list (additionalProperties or unevaluatedProperties false).', 'Old clients that send extra properties are refused.', { instead: 'Leave the schema open.' }),
  k('response-schema-closed', 'schema-closed', 'response', 'info', 'A response schema now refuses properties it does not list.', 'Responses carry no more than before.'),
  k('request-schema-opened', 'schema-opened', 'request', 'info', 'A request schema now allows properties it does not list.', 'Everything old clients sent is still accepted.'),
  k('response-schema-opened', 'schema-opened', 'response', 'warning', 'A response schema that refused unknown properties now allows them.', 'Clients that validate strictly against the old schema refuse responses with new properties.'),

  // Schemas: composition
  k('request-variant-added', 'variant-added', 'request', 'info', 'A request oneOf/anyOf accepts a new variant.', 'Old clients send the old variants, which are still accepted.'),
  k('response-variant-added', 'variant-added', 'response', 'breaking', 'A response oneOf/anyOf may carry a new variant.', 'Old clients do not know it and fail to parse it.', { instead: 'Return the new variant only to clients that ask for it, or in a new field.', example: ['oneOf: [$ref: Card, $ref: Wallet]', 'oneOf: [$ref: Card, $ref: Wallet, $ref: BankTransfer]'] }),
  k('request-overlapping-variant-added', 'overlapping-variant-added', 'request', 'warning', 'A request oneOf got a variant that old values may match too.', '`oneOf` refuses a value that matches two variants: a request valid before may now match the old and the new variant and be refused. Add a discriminator, or make the variants exclude each other (a const on a shared property, required properties the other forbids).'),
  k('request-variant-removed', 'variant-removed', 'request', 'breaking', 'A request oneOf/anyOf no longer accepts a variant.', 'Old clients sending it are refused.', { instead: 'Keep accepting the variant.', example: ['anyOf: [$ref: Card, $ref: Wallet]', 'anyOf: [$ref: Card]'] }),
  k('response-variant-removed', 'variant-removed', 'response', 'info', 'A response oneOf/anyOf no longer carries a variant.', 'Clients still handle it; they just never see it.'),
  k('discriminator-changed', 'discriminator-changed', 'both', 'breaking', 'The discriminator property changed.', 'Senders and readers pick the variant by the old property.', { instead: 'Keep the old discriminator property.' }),
  k('request-discriminator-value-added', 'discriminator-value-added', 'request', 'info', 'A request discriminator accepts a new value.', 'Old clients send the old values.'),
  k('response-discriminator-value-added', 'discriminator-value-added', 'response', 'breaking', 'A response discriminator may carry a new value.', 'Old clients do not know the variant it selects.', { instead: 'Return the new variant in a new field.' }),
  k('request-discriminator-value-removed', 'discriminator-value-removed', 'request', 'breaking', 'A request discriminator no longer accepts a value.', 'Old clients sending it are refused.', { instead: 'Keep accepting the value.' }),
  k('response-discriminator-value-removed', 'discriminator-value-removed', 'response', 'info', 'A response discriminator no longer carries a value.', 'Clients still handle it.'),
  k('condition-changed', 'condition-changed', 'both', 'warning', 'The `if` of an if/then/else changed.', 'Which values take the `then` branch and which the `else` branch moved, in no one direction: check both branches against real values.'),

  // Schemas: meaning of values and annotations
  k('content-encoding-changed', 'content-encoding-changed', 'both', 'breaking', '`contentEncoding` changed (for example base64 ↔ none).', 'Old senders encode the old way and old readers decode the old way.', { instead: 'Add a new field with the new encoding.' }),
  k('content-media-type-changed', 'content-media-type-changed', 'both', 'warning', '`contentMediaType` of a string changed.', 'The string now holds another kind of document: check that senders and readers agree.'),
  k('request-default-changed', 'default-changed', 'request', 'breaking', 'The default of a request value changed.', 'Old clients that leave the value out relied on the old default; the server now does something else for them.', {
    instead: 'Keep the old default; clients that want the new behaviour send it explicitly.',
    example: ['- name: limit\n  in: query\n  schema: { type: integer, default: 20 }', '- name: limit\n  in: query\n  schema: { type: integer, default: 50 }'],
  }),
  k('response-default-changed', 'default-changed', 'response', 'warning', 'The default of a response value changed.', 'Clients that fill in a missing value with the documented default now disagree with the server.'),
  k('request-default-added', 'default-added', 'request', 'warning', 'A default was added to a request value.', 'Harmless if it documents what the server already did when the value is left out; otherwise old clients that leave it out get new behaviour.'),
  k('request-default-removed', 'default-removed', 'request', 'warning', 'The default of a request value was removed.', 'What the server does when the value is left out is no longer promised: check it did not change.'),
  k('response-default-added', 'default-added', 'response', 'info', 'A default was added to a response value.', 'Documentation for clients that fill in missing values.'),
  k('response-default-removed', 'default-removed', 'response', 'info', 'The default of a response value was removed.', 'Documentation for clients that fill in missing values.'),
  k('schema-deprecated', 'schema-deprecated', 'both', 'info', 'A schema or property was marked deprecated.', 'It keeps working; clients are told to move on.'),
  k('access-mode-changed', 'access-mode-changed', 'both', 'info', '`readOnly` or `writeOnly` changed on a schema that is not a property.', 'These annotations decide what travels for properties (reported as properties added or removed); elsewhere they only document.'),
  k('xml-changed', 'xml-changed', 'both', 'warning', 'The XML representation (`xml`) of a schema changed.', 'Element names, attributes or wrapping changed for XML bodies: clients of XML media types read and write the old form.'),
  k('schema-changed', 'schema-changed', 'both', 'warning', 'A schema changed in a way the comparer cannot classify.', 'The keyword is one the comparer does not understand (a custom or unknown keyword, `$id`, `$dynamicRef`…): a reviewer must judge it.'),
];

const BY_ID = new Map(CATALOGUE.map((e) => [e.id, e]));
const BY_FACT = new Map<string, ChangeKind>();
for (const entry of CATALOGUE) {
  for (const fact of entry.facts) {
    const key = `${fact}|${entry.side}`;
    if (BY_FACT.has(key)) throw new Error(`catalogue: ${key} is classified twice (${BY_FACT.get(key)!.id}, ${entry.id})`);
    BY_FACT.set(key, entry);
  }
}

export function changeKind(id: string): ChangeKind | undefined {
  return BY_ID.get(id) ?? CATALOGUE.find((e) => e.aliases?.includes(id));
}

/** The entry that classifies a fact: the one for its side, else the one for `both`. */
export function entryFor(kind: FactKind, side: FactSide): ChangeKind | undefined {
  return BY_FACT.get(`${kind}|${side}`) ?? BY_FACT.get(`${kind}|both`);
}

export function classify(fact: OperationFact): Change {
  const entry = entryFor(fact.kind, fact.side);
  // Every fact the comparer can emit is in the catalogue (a test enumerates them); this is a bug guard.
  if (!entry) throw new Error(`the change catalogue has no entry for ${fact.kind} on the ${fact.side} side`);
  return { id: entry.id, level: entry.level, side: entry.side, message: fact.message, operation: fact.operation, location: fact.location };
}

/** Where the page of a change kind is, relative to the repository root. */
export function changePagePath(id: string): string {
  return `rules/changes/${id}.md`;
}
