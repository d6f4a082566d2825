/**
 * The refs the docs site shows: local and remote-tracking branches (a remote branch is shown once,
 * under its short name, and only when there is no local branch of that name) and `<domain>@<version>`
 * tags, each with its last commit, in the order people look for them.
 */
import picomatch from 'picomatch';
import { refRecords } from '../lib/git.ts';

export type RefKind = 'branch' | 'tag' | 'working-copy';

export interface SiteRef {
  kind: RefKind;
  /** The name people know: master, feature/refund-reasons, payments@1.2.0. */
  name: string;
  /** What git resolves (a commit id); empty for the working copy. */
  commit: string;
  date: string;
  author: string;
  subject: string;
  /** The ref's folder in the site, e.g. branches/feature/refund-reasons. */
  folder: string;
}

const RELEASE_TAG = /^[a-z][a-z0-9]*(-[a-z0-9]+)*@\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$/;
const SEP = '\u001f';

export async function listRefs(cwd: string): Promise<SiteRef[]> {
  const fields = [
    '%(refname)',
    '%(objectname)',
    '%(*objectname)',
    '%(committerdate:iso-strict)',
    '%(*committerdate:iso-strict)',
    '%(authorname)',
    '%(*authorname)',
    '%(subject)',
    '%(*subject)',
  ];
  const records = await refRecords(fields, SEP, cwd);
  const local = new Map<string, SiteRef>();
  const remote = new Map<string, SiteRef>();
  const tags: SiteRef[] = [];
  for (const [refname, object, peeled, date, peeledDate, author, peeledAuthor, subject, peeledSubject] of records) {
    const commit = peeled || object;
    const info = { commit, date: peeledDate || date, author: peeledAuthor || author, subject: peeledSubject || subject };
    if (refname.startsWith('refs/heads/')) {
      const name = refname.slice('refs/heads/'.length);
      local.set(name, { kind: 'branch', name, folder: folderOf('branch', name), ...info });
    } else if (refname.startsWith('refs/remotes/')) {
      const name = refname.slice('refs/remotes/'.length).split('/').slice(1).join('/');
      if (name === 'HEAD' || name === '' || remote.has(name)) continue;
      remote.set(name, { kind: 'branch', name, folder: folderOf('branch', name), ...info });
    } else {
      const name = refname.slice('refs/tags/'.length);
      if (RELEASE_TAG.test(name)) tags.push({ kind: 'tag', name, folder: folderOf('tag', name), ...info });
    }
  }
  for (const [name, ref] of remote) if (!local.has(name)) local.set(name, ref);
  return [...local.values(), ...tags];
}

/** Which branch is which: production (e.g. master), the other protected ones (prototype), feature branches. */
export interface BranchRoles {
  production: string;
  protected: string[];
  featurePrefix: string;
}

/** Production, the other protected branches, feature branches, other branches (newest first), then tags (newest first). */
export function orderRefs(refs: SiteRef[], roles: BranchRoles): SiteRef[] {
  const { featurePrefix } = roles;
  const rank = (r: SiteRef) =>
    r.kind === 'working-copy'
      ? 0
      : r.kind === 'branch' && r.name === roles.production
        ? 1
        : r.kind === 'branch' && roles.protected.includes(r.name)
          ? 2
          : r.kind === 'tag'
            ? 5
            : r.name.startsWith(featurePrefix)
              ? 3
              : 4;
  return [...refs].sort((a, b) => rank(a) - rank(b) || b.date.localeCompare(a.date) || a.name.localeCompare(b.name));
}

/**
 * A folder name that is safe on every file system and in a URL, and different for different refs:
 * each `/`-separated part keeps letters, digits, `.`, `-` and `@`; anything else (`_` included)
 * becomes `_` and its UTF-8 bytes in hex. Git forbids the parts `.` and `..` in ref names.
 */
export function folderOf(kind: RefKind, name: string): string {
  if (kind === 'working-copy') return 'working-copy';
  const safe = name
    .split('/')
    .map((part) =>
      [...Buffer.from(part, 'utf8')]
        .map((byte) => (/[A-Za-z0-9.@-]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `_${byte.toString(16).padStart(2, '0')}`))
        .join(''),
    )
    .join('/');
  return `${kind === 'tag' ? 'tags' : 'branches'}/${safe}`;
}

/** Refs whose name matches one of the glob patterns (all when none is given). */
export function selectRefs(refs: SiteRef[], patterns: string[]): SiteRef[] {
  if (patterns.length === 0) return refs;
  const matches = picomatch(patterns, { dot: true });
  return refs.filter((r) => r.kind === 'working-copy' || matches(r.name));
}
