/**
 * Says what a thrown or rejected non-Error value was: an Event by its type
 * and target (`error event on [object HTMLImageElement]`, as when a promise
 * rejects with a load event), an object as JSON (up to 300 characters),
 * `null` and anything else as text (`undefined`, `boom`).
 */
export const describeValue = (value: unknown): string => {
  try {
    if (value instanceof Event) return `${value.type} event on ${value.target}`;
    if (typeof value === 'object') return (JSON.stringify(value) as string).slice(0, 300);
  } catch {
    // A cycle or a BigInt inside: say what String() says.
  }
  return String(value);
};
