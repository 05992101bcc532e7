import { describeValue } from './describeValue.js';
import type { ExceptionValue, Mechanism } from './types.js';

/**
 * Sentry exception values for a thrown or rejected value and its `cause`
 * chain (up to `causes` of them, 5 by default; so a cycle ends), oldest
 * cause first as Sentry orders them, each with the mechanism that caught
 * the chain. A cause that is null or undefined ends the chain. Errors
 * carry their raw `stack` as `raw_stack`, for the collector to parse. Other
 * values are described: type `UnhandledRejection` for a rejection, as
 * Sentry's SDK names it, else `Error`.
 */
export const exceptionValues = (
  thrown: unknown,
  mechanism: Mechanism,
  rejection?: boolean,
  causes = 5,
): ExceptionValue[] => {
  const cause = (thrown as Error | undefined)?.cause;
  return (
    causes && cause != null ? exceptionValues(cause, mechanism, rejection, causes - 1) : []
  ).concat(
    thrown instanceof Error
      ? { type: thrown.name, value: thrown.message, raw_stack: thrown.stack, mechanism }
      : {
          type: rejection ? 'UnhandledRejection' : 'Error',
          value: describeValue(thrown),
          mechanism,
        },
  );
};
