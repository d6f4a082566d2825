/**
 * Ctrl-C and SIGTERM handling for long-running commands, installed before anything is printed:
 * a signal that arrives before Node has a listener kills the process outright. The first signal
 * closes what `whenStopped` was given (or stops the start-up); a second one exits at once.
 */
export function stopSignals(): { whenStopped(close: () => Promise<void>): Promise<void> } {
  let requested = false;
  let closer: (() => void) | undefined;
  const stop = (signal: NodeJS.Signals) => {
    if (requested) process.exit(signal === 'SIGINT' ? 130 : 143);
    requested = true;
    closer?.();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return {
    whenStopped: (close) =>
      new Promise<void>((resolve) => {
        closer = () =>
          void close().then(() => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            resolve();
          });
        if (requested) closer();
      }),
  };
}
