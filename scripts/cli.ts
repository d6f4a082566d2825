import { Command, CommanderError, Option } from 'commander';
import { describeFailure } from './lib/errors.ts';
import { toolchainVersion } from './lib/toolchain.ts';
import { LINT_FORMATS } from './lint/format/names.ts';
import { DIFF_FORMATS } from './diff/format/names.ts';

// Command modules load only when their command runs, so `--help` and light commands start fast.
const commands = {
  lint: () => import('./commands/lint.ts'),
  bundle: () => import('./commands/bundle.ts'),
  generate: () => import('./commands/generate.ts'),
  check: () => import('./commands/check.ts'),
  diff: () => import('./commands/diff.ts'),
  changelog: () => import('./commands/changelog.ts'),
  branchCheck: () => import('./commands/branch-check.ts'),
  affected: () => import('./commands/affected.ts'),
  hook: () => import('./commands/hook.ts'),
  new: () => import('./commands/new.ts'),
  prComment: () => import('./commands/pr-comment.ts'),
  releaseTags: () => import('./commands/release-tags.ts'),
  start: () => import('./commands/start.ts'),
  mock: () => import('./commands/mock.ts'),
  docs: () => import('./commands/docs.ts'),
};

function example(text: string): string {
  return `\nExample:\n  ${text}\n`;
}

/** Every action returns its exit code; thrown user errors become one line on stderr and exit 2. */
function run<A extends unknown[]>(action: (...args: A) => Promise<number>) {
  return async (...args: A) => {
    process.exitCode = await action(...args);
  };
}

/** The `apis` program: built anew for every run, so the CLI can also be driven in-process (tests). */
function buildProgram(): Command {
  const program = new Command('apis')
    .description('Design-first toolchain for the OpenAPI contracts in specs/')
    .version(toolchainVersion(), '-V, --version', 'print the version of the toolchain')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(`apis: ${text.trim().replace(/^error: /, '')} (see npx apis --help)\n`) });

  program
    .command('lint')
    .description('Check specs for structural validity and the house rules (all of specs/*.yaml when no file is given)')
    .argument('[files...]', 'spec files to lint')
    .addOption(new Option('-f, --format <format>', 'output format').choices(LINT_FORMATS).default('stylish'))
    .option('--base <git-ref>', 'report only findings that are new compared with the same files at this ref')
    .addHelpText('after', example('npx apis lint specs/payments.yaml --format json --base master'))
    .action(run(async (files: string[], options) => (await commands.lint()).lintCommand(files, options)));

  program
    .command('bundle')
    .description('Write one self-contained spec per domain to generated/<domain>/openapi.{json,yaml}')
    .argument('[domains...]', 'domains to bundle (all when none is given)')
    .addHelpText('after', example('npx apis bundle payments'))
    .action(run(async (domains: string[]) => (await commands.bundle()).bundleCommand(domains)));

  program
    .command('diff')
    .description('Compare two versions of a spec and classify every change as breaking, warning or info (see rules/changes/)')
    .argument('[base]', 'a file, or <git-ref>:<path>')
    .argument('[head]', 'a file, or <git-ref>:<path>')
    .addOption(new Option('-f, --format <format>', 'output format').choices(DIFF_FORMATS).default('text'))
    .option('--list-changes', 'print the catalogue of change kinds (id, side, level, what) instead of comparing')
    .addHelpText(
      'after',
      example('npx apis diff master:specs/payments.yaml specs/payments.yaml --format markdown') + example('npx apis diff --list-changes --format json'),
    )
    .action(run(async (base: string | undefined, head: string | undefined, options) => (await commands.diff()).diffCommand(base, head, options)));

  program
    .command('generate')
    .description('Write per domain generated/<domain>/: bundled spec, types, a resilient client and a validating server, as an npm package')
    .argument('[domains...]', 'domains to generate (all when none is given)')
    .option('--check', 'change nothing; exit 1 when the generated files are not up to date')
    .addOption(new Option('--from-index', 'generate from the staged specs (used by the pre-commit hook)').hideHelp())
    .addHelpText('after', example('npx apis generate payments'))
    .action(run(async (domains: string[], options) => (await commands.generate()).generateCommand(domains, options)));

  program
    .command('check')
    .description('Run everything the CI gate runs: lint, bundle freshness and, with --base, the breaking-change gate')
    .option('--base <git-ref>', 'judge the change against this ref: only new lint findings fail, breaking changes need a way through')
    .option('--domain <domains...>', 'check only these domains (CI runs one job per affected domain)')
    .option('--report <file>', 'also write the results as JSON for the pull-request comment')
    .addHelpText('after', example('npx apis check --base master'))
    .action(run(async (options) => (await commands.check()).checkCommand(options)));

  program
    .command('new')
    .description('Scaffold a new domain: a spec that passes every house rule, its CODEOWNERS lines and generated files')
    .argument('<domain>', 'the domain name, kebab-case (e.g. loyalty-points)')
    .option('--owner <owner>', 'the owning team, @org/team or @user (default: <packageScope>/<domain>-team)')
    .addHelpText('after', example('npx apis new loyalty-points --owner @acme/loyalty-team'))
    .action(run(async (domain: string, options) => (await commands.new()).newCommand(domain, options)));

  program
    .command('branch-check')
    .description('Decide from branch names whether a pull request is allowed (exit 0) or refused (exit 1)')
    .requiredOption('--base <branch>', 'the branch the pull request goes into')
    .requiredOption('--head <branch>', 'the branch the pull request comes from')
    .option('--report <file>', 'also write the decision as JSON for the pull-request comment')
    .addHelpText('after', example('npx apis branch-check --base master --head feature/refund-reasons'))
    .action(run(async (options) => (await commands.branchCheck()).branchCheckCommand(options)));

  program
    .command('affected')
    .description('List the domains a change touches (all of them when the rules or the toolchain change)')
    .requiredOption('--base <git-ref>', 'the ref the change is compared with')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['lines', 'json']).default('lines'))
    .addHelpText('after', example('npx apis affected --base origin/master --format json'))
    .action(run(async (options) => (await commands.affected()).affectedCommand(options)));

  program
    .command('pr-comment')
    .description('Build the pull-request comment from the JSON results of the CI jobs')
    .argument('<results-dir>', 'folder holding the results (apis check --report, and the policy and test results)')
    .option('--docs-url <url>', 'link to the docs preview of this pull request')
    .addHelpText('after', example('npx apis pr-comment results --docs-url https://example.org/preview/42'))
    .action(run(async (dir: string, options) => (await commands.prComment()).prCommentCommand(dir, options)));

  program
    .command('release-tags')
    .description('List the <domain>@<version> tags a release creates (domains whose info.version changed)')
    .requiredOption('--since <git-ref>', 'the previous release commit')
    .addHelpText('after', example('npx apis release-tags --since HEAD~1'))
    .action(run(async (options) => (await commands.releaseTags()).releaseTagsCommand(options)));

  program
    .command('hook', { hidden: true })
    .description('Run a git hook (pre-commit, pre-push); called by the hooks husky installs')
    .argument('<name>')
    .action(run(async (name: string) => (await commands.hook()).hookCommand(name)));

  program
    .command('changelog')
    .description('The markdown changelog of a domain between two refs (the text of the PR comment)')
    .argument('<domain>', 'the domain, e.g. payments')
    .option('--from <git-ref>', 'the older version', 'master')
    .option('--to <git-ref>', 'the newer version (default: the working tree)')
    .addHelpText('after', example('npx apis changelog payments --from payments@1.0.0 --to master'))
    .action(run(async (domain: string, options) => (await commands.changelog()).changelogCommand(domain, options)));

  program
    .command('mock')
    .description('Serve every domain (or the named ones) from one port with Prism: examples, validation, idempotency, injected faults')
    .argument('[domains...]', 'domains to serve (all when none is given)')
    .option('-p, --port <port>', 'port to listen on (0 picks a free one)', '4010')
    .option('--host <address>', 'address to listen on (0.0.0.0 lets phones on the network reach it)', '127.0.0.1')
    .option('--ref <git-ref>', 'serve the specs as they are at this branch, tag or commit')
    .option('--dynamic', 'generate data from the schemas instead of answering with the examples')
    .option('--seed <n>', 'seed for --dynamic data and for random faults (default 1)')
    .option('--faults <settings>', "fail some requests: 'rate=0.1,status=503|429|drop,retry-after=2', or a YAML file of the same settings")
    .option('--latency <range>', 'delay every answer, e.g. 200ms-2s')
    .option('--proxy <upstream-url>', 'instead of mocking, forward to a real server and print where its answers break the contract')
    .option('--proxy-timeout <duration>', 'with --proxy: how long the upstream has for a whole answer before the client gets 504', '30s')
    .option('-q, --quiet', 'do not print a line per request')
    .addHelpText('after', example("npx apis mock --faults 'rate=0.2,status=503' --latency 100ms-1s\n  npx apis mock payments --proxy http://localhost:8080"))
    .action(run(async (domains: string[], options) => (await commands.mock()).mockCommand(domains, options)));

  program
    .command('docs')
    .description('Build the docs site (Swagger UI per domain) for every branch and <domain>@<version> tag, from git, without a checkout')
    .option('-o, --out <folder>', 'where the site goes (default: docs-site/dist)')
    .option('--refs <patterns...>', 'build only the refs whose names match these globs (e.g. master "feature/**"); other refs keep their pages')
    .option('--working-copy', 'also build the files on disk, as the ref "working copy" (a pull-request preview)')
    .option('--publish <built-site>', "take one ref's pages (--ref) from a site built elsewhere by that ref's own code, and rebuild the shared pages")
    .option('--unpublish <ref>', "remove a deleted ref's pages")
    .option('--ref <name>', 'with --publish: the ref whose pages to take')
    .addOption(new Option('--ref-kind <kind>', 'with --publish/--unpublish: whether the ref is a branch or a tag').choices(['branch', 'tag']).default('branch'))
    .option('--serve', 'serve the site after building it')
    .option('-p, --port <port>', 'port for --serve', '8080')
    .option('--host <address>', 'address for --serve', '127.0.0.1')
    .addHelpText('after', example('npx apis docs --refs master "feature/**" --serve'))
    .action(run(async (options) => (await commands.docs()).docsCommand(options)));

  program
    .command('start')
    .description('The local portal (what `npm start` runs): docs for the working copy and every branch, the mock, re-lint and reload on save')
    .option('-p, --port <port>', 'port of the docs site (a free one if it is taken)', '8080')
    .option('--mock-port <port>', 'port of the mock (a free one if it is taken)', '4010')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .addHelpText('after', example('npx apis start --port 8081'))
    .action(run(async (options) => (await commands.start()).startCommand(options)));

  return program;
}

/**
 * Runs `apis` with `argv` (as process.argv: node, script, arguments…) and returns the exit code:
 * 0 fine, 1 problems found, 2 unusable input or usage (one line on stderr), 3 an internal error.
 */
export async function main(argv: string[]): Promise<number> {
  process.exitCode = undefined;
  const program = buildProgram();
  try {
    if (argv.length <= 2) program.outputHelp();
    else await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; any other parse error is a usage error.
      return error.exitCode === 0 ? 0 : 2;
    }
    const { message, exitCode } = describeFailure(error);
    process.stderr.write(`apis: ${message}\n`);
    if (exitCode === 3 && process.env.APIS_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    return exitCode;
  }
  return Number(process.exitCode ?? 0);
}
