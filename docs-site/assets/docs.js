// The docs site's only script of its own (no inline scripts: the Content-Security-Policy forbids them).
// Domain pages start Swagger UI on the spec their <script> tag loaded; the local portal (npm start)
// adds its mock as the first server for "Try it out" and reloads pages when a spec is saved.
(() => {
  const body = document.body;
  const portal = window.apisPortal || {};
  if (portal.liveReload && window.EventSource) {
    const events = new EventSource(body.getAttribute('data-root') + '__apis/events');
    events.onmessage = (event) => {
      if (event.data === 'reload') window.location.reload();
    };
  }
  if (body.getAttribute('data-page') !== 'domain' || !window.apisSpec || !window.SwaggerUIBundle) return;
  const spec = window.apisSpec;
  const domain = body.getAttribute('data-domain');
  if (portal.mock && body.getAttribute('data-live') === 'true') {
    spec.servers = [{ url: portal.mock + '/' + domain, description: 'apis mock on this machine (npm start)' }].concat(spec.servers || []);
  }
  window.ui = window.SwaggerUIBundle({
    spec: spec,
    dom_id: '#swagger-ui',
    layout: 'BaseLayout',
    presets: [window.SwaggerUIBundle.presets.apis],
    deepLinking: true,
    // Never read configuration from the page's URL, never call an outside validator.
    queryConfigEnabled: false,
    validatorUrl: null,
    defaultModelsExpandDepth: 0,
    requestInterceptor: freshIdempotencyKeys(spec),
  });
})();

/**
 * "Try it out" prefills the spec's example Idempotency-Key, so a second Execute would be a replay and
 * an edited body a 409. Every Execute gets a fresh key instead, unless the user typed one of their own.
 */
function freshIdempotencyKeys(spec) {
  const examples = new Set();
  const note = (value) => {
    if (typeof value === 'string') examples.add(value);
  };
  const collect = (param) => {
    if (!param || typeof param !== 'object') return;
    if (typeof param.$ref === 'string') param = spec.components?.parameters?.[param.$ref.split('/').pop()];
    if (!param || String(param.name).toLowerCase() !== 'idempotency-key') return;
    note(param.example);
    for (const e of Object.values(param.examples || {})) note(e?.value);
    note(param.schema?.example);
    for (const e of param.schema?.examples || []) note(e);
  };
  for (const param of Object.values(spec.components?.parameters || {})) collect(param);
  for (const item of Object.values(spec.paths || {})) {
    for (const param of item?.parameters || []) collect(param);
    for (const op of Object.values(item || {})) for (const param of op?.parameters || []) collect(param);
  }
  const uuid = () => {
    if (window.crypto.randomUUID) return window.crypto.randomUUID();
    // Pages opened from file:// in older browsers: a version 4 UUID from the same random source.
    const b = window.crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
  return (request) => {
    const name = Object.keys(request.headers || {}).find((h) => h.toLowerCase() === 'idempotency-key');
    if (name !== undefined && (request.headers[name] === '' || examples.has(request.headers[name]))) request.headers[name] = uuid();
    return request;
  };
}
