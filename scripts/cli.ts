import { Command, CommanderError, Option } from 'commander';
import { describeFailure } from './lib/errors.ts';
import { LINT_FORMATS } from './lint/format/names.ts';
import { DIFF_FORMATS } from './diff/format/names.ts';

// Command modules load only when their command runs, so `--help` and light commands start fast.
const commands = {
  lint: () => import('./commands/lint.ts'),
  bundle: () => import('./commands/bundle.ts'),
  check: () => import('./commands/check.ts'),
  diff: () => import('./commands/diff.ts'),
  changelog: () => import('./commands/changelog.ts'),
  start: () => import('./commands/start.ts'),
};

const program = new Command('apis')
  .description('Design-first toolchain for the OpenAPI contracts in specs/')
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(`apis: ${text.trim().replace(/^error: /, '')} (see npx apis --help)\n`) });

function example(text: string): string {
  return `\nExample:\n  ${text}\n`;
}

/** Every action returns its exit code; thrown user errors become one line on stderr and exit 2. */
function run<A extends unknown[]>(action: (...args: A) => Promise<number>) {
  return async (...args: A) => {
    process.exitCode = await action(...args);
  };
}

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
  .description('Compare two versions of a spec and classify every change as breaking, warning or info')
  .argument('<base>', 'a file, or <git-ref>:<path>')
  .argument('<head>', 'a file, or <git-ref>:<path>')
  .addOption(new Option('-f, --format <format>', 'output format').choices(DIFF_FORMATS).default('text'))
  .addHelpText('after', example('npx apis diff master:specs/payments.yaml specs/payments.yaml --format markdown'))
  .action(run(async (base: string, head: string, options) => (await commands.diff()).diffCommand(base, head, options)));

program
  .command('check')
  .description('Run everything the CI gate runs: lint, bundle freshness and, with --base, the breaking-change gate')
  .option('--base <git-ref>', 'judge the change against this ref: only new lint findings fail, breaking changes need a way through')
  .addHelpText('after', example('npx apis check --base master'))
  .action(run(async (options) => (await commands.check()).checkCommand(options)));

program
  .command('changelog')
  .description('The markdown changelog of a domain between two refs (the text of the PR comment)')
  .argument('<domain>', 'the domain, e.g. payments')
  .option('--from <git-ref>', 'the older version', 'master')
  .option('--to <git-ref>', 'the newer version (default: the working tree)')
  .addHelpText('after', example('npx apis changelog payments --from payments@1.0.0 --to master'))
  .action(run(async (domain: string, options) => (await commands.changelog()).changelogCommand(domain, options)));

program
  .command('start')
  .description('Show the domains and the state of the CI gate (what `npm start` runs)')
  .addHelpText('after', example('npx apis start'))
  .action(run(async () => (await commands.start()).startCommand()));

try {
  if (process.argv.length <= 2) {
    program.outputHelp();
  } else {
    await program.parseAsync(process.argv);
  }
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and version are successes; any other parse error is a usage error.
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else {
    const { message, exitCode } = describeFailure(error);
    process.stderr.write(`apis: ${message}\n`);
    if (exitCode === 3 && process.env.APIS_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    process.exitCode = exitCode;
  }
}
