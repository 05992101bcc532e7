import {
  anyValue,
  boolean,
  type FieldType,
  isObject,
  lenientString,
  list,
  number,
  object,
  record,
  string,
  struct,
  values,
} from './fieldTypes';

// Stack traces as Relay's protocol types them (relay-event-schema `Frame`,
// `Stacktrace`, `Exception`, `Thread`): the parts every later stage walks.

/** Frame `vars`: an object, or a list Relay turns into one keyed by index. */
const frameVars: FieldType = (value, path, notes) => {
  if (Array.isArray(value)) return Object.fromEntries(value.map((entry, index) => [index, entry]));
  return object(value, path, notes);
};

export const frame = struct({
  filename: string,
  abs_path: string,
  function: string,
  raw_function: string,
  symbol: string,
  module: string,
  package: string,
  platform: string,
  lineno: number,
  colno: number,
  in_app: boolean,
  context_line: string,
  pre_context: list(string, { keepNull: true }),
  post_context: list(string, { keepNull: true }),
  vars: frameVars,
  data: object,
  instruction_addr: string,
  symbol_addr: string,
  image_addr: string,
  addr_mode: string,
  trust: string,
  lang: string,
  lock: object,
});

export const stacktrace = struct({
  frames: list(frame),
  frames_omitted: list(number),
  registers: record(anyValue),
  lang: string,
  snapshot: boolean,
});

export const mechanism = struct({
  type: string,
  synthetic: boolean,
  description: string,
  source: string,
  help_link: string,
  handled: boolean,
  is_exception_group: boolean,
  exception_id: number,
  parent_id: number,
  data: object,
  meta: object,
});

/** Relay reads a non-string exception `value` leniently: objects become their JSON text. */
const exceptionValue: FieldType = (value, path, notes) =>
  isObject(value) || Array.isArray(value)
    ? JSON.stringify(value)
    : lenientString(value, path, notes);

export const exception = struct({
  type: string,
  value: exceptionValue,
  module: string,
  thread_id: anyValue,
  mechanism,
  stacktrace,
  raw_stacktrace: stacktrace,
  /** Faultline extension: the raw `error.stack` text, parsed by the collector. */
  raw_stack: string,
});

export const thread = struct({
  id: anyValue,
  name: string,
  crashed: boolean,
  current: boolean,
  main: boolean,
  state: string,
  stacktrace,
  raw_stacktrace: stacktrace,
  held_locks: object,
});

export const exceptions = values(exception);
export const threads = values(thread);
