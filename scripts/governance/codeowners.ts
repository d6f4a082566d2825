import ignore from 'ignore';

export interface OwnerRule {
  line: number;
  pattern: string;
  owners: string[];
}

export interface CodeownersProblem {
  line: number;
  message: string;
}

/** `@org/team` or `@user`, as GitHub accepts them in CODEOWNERS. */
const OWNER = /^@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9][A-Za-z0-9._-]*)?$/;

export function parseCodeowners(text: string): { rules: OwnerRule[]; problems: CodeownersProblem[] } {
  const rules: OwnerRule[] = [];
  const problems: CodeownersProblem[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line === '') return;
    const [pattern, ...owners] = line.split(/\s+/);
    if (owners.length === 0) {
      problems.push({ line: i + 1, message: `"${pattern}" has no owner` });
      return;
    }
    for (const owner of owners) {
      if (!OWNER.test(owner)) problems.push({ line: i + 1, message: `owner "${owner}" is not in @org/team or @user form` });
    }
    rules.push({ line: i + 1, pattern, owners });
  });
  return { rules, problems };
}

/** CODEOWNERS patterns follow gitignore rules; the last matching line decides. */
function matches(pattern: string, path: string): boolean {
  return ignore().add(pattern).ignores(path);
}

export function ownersOf(rules: OwnerRule[], path: string): OwnerRule | undefined {
  for (let i = rules.length - 1; i >= 0; i--) if (matches(rules[i].pattern, path)) return rules[i];
  return undefined;
}

/** Malformed lines, patterns that match no file, and spec files nobody owns. */
export function validateCodeowners(text: string, repoFiles: string[]): CodeownersProblem[] {
  const { rules, problems } = parseCodeowners(text);
  for (const rule of rules) {
    if (!repoFiles.some((f) => matches(rule.pattern, f))) problems.push({ line: rule.line, message: `"${rule.pattern}" matches no file in the repository` });
  }
  for (const file of repoFiles.filter((f) => f.startsWith('specs/'))) {
    if (!ownersOf(rules, file)) problems.push({ line: 0, message: `${file} has no owner` });
  }
  return problems.sort((a, b) => a.line - b.line);
}
