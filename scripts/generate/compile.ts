import ts from 'typescript';

const jsOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ES2022,
  removeComments: false,
  newLine: ts.NewLineKind.LineFeed,
};
const declarationOptions: ts.CompilerOptions = { ...jsOptions, declaration: true, isolatedDeclarations: true };

/**
 * JavaScript and declarations for one module, file by file (no whole-program type check: the
 * sources are either hand-written and type-checked in this repository, or generated from typed
 * templates), so generation stays fast enough for the pre-commit hook.
 */
export function compileModule(source: string, fileName: string): { js: string; dts: string } {
  const js = ts.transpileModule(source, { compilerOptions: jsOptions, fileName, reportDiagnostics: true });
  const dts = ts.transpileDeclaration(source, { compilerOptions: declarationOptions, fileName, reportDiagnostics: true });
  const problems = [...(js.diagnostics ?? []), ...(dts.diagnostics ?? [])];
  if (problems.length > 0) {
    throw new Error(`${fileName}: ${ts.flattenDiagnosticMessageText(problems[0].messageText, ' ')}`);
  }
  return { js: js.outputText, dts: dts.outputText };
}
