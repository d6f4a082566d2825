/** A mistake of the user (bad flag, unreadable or unusable input): one line on stderr, exit 2, no stack trace. */
export class UserError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** Turns any thrown value into the one-line message and exit code the CLI reports. */
export function describeFailure(error: unknown): { message: string; exitCode: number } {
  if (error instanceof UserError) return { message: error.message, exitCode: error.exitCode };
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return { message: 'input is nested too deeply to process', exitCode: 2 };
  }
  const text = error instanceof Error ? error.message : String(error);
  return { message: `internal error: ${text.split('\n')[0]} (please report it with the command you ran)`, exitCode: 3 };
}
