import { describeValue } from './describeValue';
import type { ExceptionValue, Mechanism } from './types';

/**
 * Sentry exception values for a thrown or rejected value and its `cause`
 * chain (up to 5 causes), oldest cause first as Sentry orders them, each
 * with the mechanism that caught the chain. Errors
 * carry their raw `stack` as `raw_stack`, for the collector to parse. Other
 * values are described: type `UnhandledRejection` for a rejection, as
 * Sentry's SDK names it, else `Error`.
 */
export const exceptionValues = (
  thrown: unknown,
  mechanism: Mechanism,
  rejection?: boolean,
): ExceptionValue[] => {
  const values: ExceptionValue[] = [];
  for (let depth = 0, value = thrown; depth < 6 && (!depth || value != null); depth++) {
    values.unshift(
      value instanceof Error
        ? { type: value.name, value: value.message, raw_stack: value.stack, mechanism }
        : {
            type: rejection ? 'UnhandledRejection' : 'Error',
            value: describeValue(value),
            mechanism,
          },
    );
    value = (value as Error | undefined)?.cause;
  }
  return values;
};
