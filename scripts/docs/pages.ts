/**
 * The HTML of the docs site. Every page is static, loads scripts only from the site itself (no inline
 * script, no CDN) and carries a Content-Security-Policy that forbids anything else.
 */
import { escapeHtml } from './html.ts';
import type { BranchRoles, SiteRef } from './refs.ts';

export interface DomainSummary {
  name: string;
  title?: string;
  version?: string;
  operations?: number;
  /** Why the spec could not be loaded at this ref. */
  error?: string;
  findings?: { errors: number; warnings: number; silenced: number };
}

export interface FindingRow {
  domain: string;
  rule: string;
  severity: string;
  message: string;
  line: number;
  silenced: boolean;
  /** Whether the rule has a page on the site. */
  documented: boolean;
}

export interface RefSummary {
  hash: string;
  domains: DomainSummary[];
  /** No specs/ folder at this ref. */
  noSpecs?: boolean;
  changes?: { breaking: number; warning: number; info: number } | null;
  findings: FindingRow[];
}

/** Scripts only from the site; `connect` adds the origins "Try it out" may call (the spec's servers, local mocks). */
export function contentSecurityPolicy(connect: string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${["'self'", ...connect].join(' ')}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

interface PageOptions {
  title: string;
  /** Relative path from the page to the site's top, '' or '../../'. */
  root: string;
  body: string;
  connect?: string[];
  data?: Record<string, string>;
  head?: string;
  scripts?: string[];
}

export function page({ title, root, body, connect, data = {}, head = '', scripts = [] }: PageOptions): string {
  const attributes = Object.entries({ root, ...data })
    .map(([k, v]) => ` data-${k}="${escapeHtml(v)}"`)
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(connect))}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
${head}<link rel="stylesheet" href="${escapeHtml(root)}assets/docs.css">
</head>
<body${attributes}>
${body}
<script src="${escapeHtml(root)}assets/portal.js"></script>
${scripts.map((s) => `<script src="${escapeHtml(s)}"></script>`).join('\n')}
<script src="${escapeHtml(root)}assets/docs.js"></script>
</body>
</html>
`;
}

function refLabel(ref: SiteRef): string {
  return ref.kind === 'working-copy' ? 'working copy' : ref.name;
}

function kindBadge(ref: SiteRef, roles: BranchRoles): string {
  const { featurePrefix } = roles;
  const kind =
    ref.kind === 'working-copy'
      ? 'uncommitted'
      : ref.kind === 'tag'
        ? 'release'
        : ref.name === roles.production
          ? 'production'
          : roles.protected.includes(ref.name)
            ? 'sketches'
            : ref.name.startsWith(featurePrefix)
              ? 'feature'
              : 'branch';
  return `<span class="badge badge-${kind}">${kind}</span>`;
}

function commitLine(ref: SiteRef): string {
  if (ref.kind === 'working-copy') return '<span class="muted">the files on disk, saved but not committed</span>';
  return `<code>${escapeHtml(ref.commit.slice(0, 8))}</code> ${escapeHtml(ref.subject)} <span class="muted">· ${escapeHtml(ref.author)} · <time datetime="${escapeHtml(ref.date)}">${escapeHtml(ref.date.slice(0, 16).replace('T', ' '))}</time></span>`;
}

function header(root: string, crumbs: string[]): string {
  return `<header class="apis-bar"><a class="home" href="${root}index.html">API docs</a>${crumbs.map((c) => ` <span class="sep">/</span> ${c}`).join('')}<a class="rules-link" href="${root}rules/index.html">House rules</a></header>`;
}

/** The landing page: every ref, with its last commit and the domains it has. */
export function landingPage(refs: Array<{ ref: SiteRef; summary: RefSummary }>, roles: BranchRoles): string {
  const rows = refs.map(({ ref, summary }) => {
    const base = `${ref.folder}/`;
    const domains = summary.noSpecs
      ? '<span class="muted">no specs/ folder</span>'
      : summary.domains
          .map((d) => `<a href="${escapeHtml(base + d.name)}.html"${d.error ? ' class="broken" title="does not load"' : ''}>${escapeHtml(d.name)}</a>`)
          .join(' ');
    const changes = summary.changes ? ` <a class="changes" href="${escapeHtml(base)}changes.html">changes: ${summary.changes.breaking} breaking</a>` : '';
    return `<tr data-ref="${escapeHtml(ref.name)}"><td><a class="ref" href="${escapeHtml(base)}index.html">${escapeHtml(refLabel(ref))}</a> ${kindBadge(ref, roles)}</td><td>${commitLine(ref)}</td><td class="domains">${domains}${changes}</td></tr>`;
  });
  const body = `${header('', [])}
<main>
<h1>API docs for every branch and release</h1>
<p class="muted">${escapeHtml(roles.production)} is what is in production${roles.protected.filter((b) => b !== roles.production).length > 0 ? `, ${escapeHtml(roles.protected.filter((b) => b !== roles.production).join(', '))} ${roles.protected.length > 2 ? 'hold' : 'holds'} what is not promised yet` : ''}; each feature branch is one project.</p>
<table class="refs"><thead><tr><th>Ref</th><th>Last commit</th><th>Domains</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>
</main>`;
  return page({ title: 'API docs', root: '', body, data: { page: 'landing' } });
}

/** One ref: its commit, domains, house-rule findings and, for feature branches, a link to its changes. */
export function refPage(ref: SiteRef, summary: RefSummary, roles: BranchRoles, root: string): string {
  const domains = summary.noSpecs
    ? '<p class="error">This ref has no <code>specs/</code> folder.</p>'
    : `<ul class="domain-list">${summary.domains
        .map((d) =>
          d.error
            ? `<li><a href="${escapeHtml(d.name)}.html">${escapeHtml(d.name)}</a> <span class="error">does not load: ${escapeHtml(d.error)}</span></li>`
            : `<li><a href="${escapeHtml(d.name)}.html">${escapeHtml(d.title ?? d.name)}</a> <span class="muted">${escapeHtml(d.name)} · version ${escapeHtml(d.version ?? '?')} · ${d.operations ?? 0} operations · ${d.findings?.errors ?? 0} errors, ${d.findings?.warnings ?? 0} warnings</span></li>`,
        )
        .join('')}</ul>`;
  const changes = summary.changes
    ? `<p><a href="changes.html">Changes against ${escapeHtml(roles.production)}</a>: ${summary.changes.breaking} breaking, ${summary.changes.warning} warnings, ${summary.changes.info} info.</p>`
    : '';
  const findings = summary.findings.length
    ? `<h2>House-rule findings</h2><table class="findings"><thead><tr><th>Domain</th><th>Line</th><th>Rule</th><th>Finding</th></tr></thead><tbody>${summary.findings
        .map(
          (f) =>
            `<tr class="${f.silenced ? 'silenced' : escapeHtml(f.severity)}"><td>${escapeHtml(f.domain)}</td><td>${f.line}</td><td>${f.documented ? `<a href="${root}rules/${escapeHtml(f.rule)}.html">${escapeHtml(f.rule)}</a>` : escapeHtml(f.rule)}</td><td>${f.silenced ? '<span class="badge">silenced</span> ' : ''}${escapeHtml(f.message)}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : summary.noSpecs
      ? ''
      : '<p>No house-rule findings.</p>';
  const body = `${header(root, [`<span>${escapeHtml(refLabel(ref))}</span> ${kindBadge(ref, roles)}`])}
<main>
<h1>${escapeHtml(refLabel(ref))}</h1>
<p>${commitLine(ref)}</p>
${changes}
<h2>Domains</h2>
${domains}
${findings}
</main>`;
  return page({ title: `${refLabel(ref)} · API docs`, root, body, data: { page: 'ref' } });
}

/** One domain at one ref: Swagger UI on the bundled spec, with links to the ref's other domains. */
export function domainPage(ref: SiteRef, domain: string, domains: string[], root: string, connect: string[], live: boolean): string {
  const selector = domains
    .map((d) =>
      d === domain ? `<a aria-current="page" href="${escapeHtml(d)}.html">${escapeHtml(d)}</a>` : `<a href="${escapeHtml(d)}.html">${escapeHtml(d)}</a>`,
    )
    .join('');
  const body = `${header(root, [`<a href="index.html">${escapeHtml(refLabel(ref))}</a>`, `<nav class="domain-selector" aria-label="Domains">${selector}</nav>`])}
<div id="swagger-ui"></div>`;
  return page({
    title: `${domain} · ${refLabel(ref)} · API docs`,
    root,
    body,
    connect,
    data: { page: 'domain', domain, live: String(live) },
    head: `<link rel="stylesheet" href="${root}assets/swagger-ui/swagger-ui.css">\n`,
    scripts: [`${domain}.spec.js`, `${root}assets/swagger-ui/swagger-ui-bundle.js`],
  });
}

/** A domain whose spec does not load at this ref: the page exists (links keep working) and says why. */
export function brokenDomainPage(ref: SiteRef, domain: string, error: string, root: string): string {
  const body = `${header(root, [`<a href="index.html">${escapeHtml(refLabel(ref))}</a>`, escapeHtml(domain)])}
<main><h1>${escapeHtml(domain)} does not load at ${escapeHtml(refLabel(ref))}</h1><p class="error">${escapeHtml(error)}</p></main>`;
  return page({ title: `${domain} · ${refLabel(ref)} · API docs`, root, body, data: { page: 'broken' } });
}

export function changesPage(ref: SiteRef, sectionsHtml: string, root: string, production: string): string {
  const body = `${header(root, [`<a href="index.html">${escapeHtml(refLabel(ref))}</a>`, `changes against ${escapeHtml(production)}`])}
<main class="prose"><h1>Changes on ${escapeHtml(refLabel(ref))} against ${escapeHtml(production)}</h1>
${sectionsHtml}</main>`;
  return page({ title: `Changes · ${refLabel(ref)} · API docs`, root, body, data: { page: 'changes' } });
}

export function rulePage(id: string, html: string): string {
  const body = `${header('../', [`<a href="index.html">House rules</a>`, escapeHtml(id)])}
<main class="prose">${html}</main>`;
  return page({ title: `${id} · House rules`, root: '../', body, data: { page: 'rule' } });
}

/** A page of the change catalogue (rules/changes/<id>.md), or its index when `id` is null. */
export function changeKindPage(id: string | null, html: string): string {
  const crumbs = id === null ? ['Change catalogue'] : [`<a href="index.html">Change catalogue</a>`, escapeHtml(id)];
  const body = `${header('../', crumbs)}
<main class="prose">${html}</main>`;
  return page({ title: `${id ?? 'Change catalogue'} · API docs`, root: '../', body, data: { page: id === null ? 'changes-index' : 'change-kind' } });
}

export function rulesIndexPage(rules: Array<{ id: string; title: string }>): string {
  const body = `${header('../', ['House rules'])}
<main class="prose"><h1>House rules</h1><p>Every finding links here. Each page says what the rule checks and which failure taught us.</p>
<ul>${rules.map((r) => `<li><a href="${escapeHtml(r.id)}.html"><code>${escapeHtml(r.id)}</code></a> ${escapeHtml(r.title)}</li>`).join('')}</ul></main>`;
  return page({ title: 'House rules · API docs', root: '../', body, data: { page: 'rules' } });
}
