/**
 * Markdown of our own making (rule pages, change reports) to HTML. Those texts quote spec content
 * (names, paths, messages), so raw HTML is escaped, except the `<sub>` the change report uses, and
 * links keep only safe schemes. Descriptions inside specs are never rendered here: Swagger UI
 * renders them, through its own sanitiser.
 */
import { Marked } from 'marked';
import { escapeHtml } from './html.ts';

const SAFE_HTML = /^<\/?sub>$/i;
const SAFE_LINK = /^(https?:|mailto:|#|\.{0,2}\/|[\w-]+\.html(#.*)?$)/i;

/** `linkRewrite` maps link targets (e.g. `../docs/x.md` → `x.html`) before they are checked. */
export function markdownRenderer(linkRewrite: (href: string) => string = (href) => href): (markdown: string) => string {
  const marked = new Marked({ gfm: true, async: false });
  marked.use({
    renderer: {
      html: ({ text }) => (SAFE_HTML.test(text.trim()) ? text : escapeHtml(text)),
      link({ href, title, tokens }) {
        const inner = this.parser.parseInline(tokens);
        const target = linkRewrite(href);
        if (!SAFE_LINK.test(target)) return inner;
        return `<a href="${escapeHtml(target)}"${title ? ` title="${escapeHtml(title)}"` : ''}>${inner}</a>`;
      },
      image: ({ text }) => escapeHtml(text),
    },
  });
  return (markdown) => marked.parse(markdown) as string;
}
