export interface PatternTester {
    test(text: string): boolean;
    toString(): string;
}
type Engine = ((pattern: string, flags: string) => PatternTester) & {
    code?: string;
};
/** A tester for `pattern` (JSON Schema semantics: found anywhere unless anchored). */
export declare const linearRegExp: Engine;
interface AjvCodeModule {
    usePattern: ((cxt: {
        it: {
            opts: {
                code: Record<string, unknown>;
            };
        };
    }, pattern: string) => unknown) & {
        linear?: true;
    };
}
/** Makes every Ajv instance built from this copy of Ajv compile `pattern` and `patternProperties` with RE2. */
export declare function patchLinearPatterns(ajvCode: AjvCodeModule): void;
export {};
