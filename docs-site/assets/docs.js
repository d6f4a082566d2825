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
  });
})();
