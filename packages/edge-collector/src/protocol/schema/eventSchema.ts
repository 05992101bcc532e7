import {
  anyValue,
  boolean,
  either,
  type FieldType,
  isObject,
  lenientString,
  list,
  number,
  object,
  pairs,
  record,
  string,
  struct,
  timestamp,
  values,
} from './fieldTypes';
import { exceptions, stacktrace, threads } from './stackSchema';

// The event and transaction payload as Relay's protocol types it
// (relay-event-schema `Event`), field by field. Fields not named here are
// kept as sent; `event_id`, `level`, `platform` and `timestamp` are read by
// `normalizeEvent`, which fills them in.

const logEntry = struct({ message: string, formatted: string, params: anyValue });

const isString = (value: unknown) => typeof value === 'string';
const message = either(
  [
    [isString, string],
    [isObject, logEntry],
  ],
  'expected a string or a logentry',
);

const geo = struct({ country_code: string, city: string, subdivision: string, region: string });

const user = struct({
  id: lenientString,
  email: string,
  ip_address: string,
  username: lenientString,
  name: string,
  segment: string,
  sentry_user: string,
  geo,
  data: object,
});

const request = struct({
  url: string,
  method: string,
  data: anyValue,
  query_string: anyValue,
  fragment: string,
  cookies: anyValue,
  headers: pairs(lenientString),
  env: object,
  inferred_content_type: string,
  api_target: string,
  body_size: number,
  protocol: string,
});

const named = { name: string, version: string };

/** The contexts later stages read; any other context is kept if it is an object. */
const contextTypes: Record<string, FieldType> = {
  trace: struct({
    trace_id: string,
    span_id: string,
    parent_span_id: string,
    op: string,
    status: string,
    description: string,
    origin: string,
    data: object,
  }),
  browser: struct(named),
  os: struct({ ...named, build: lenientString, kernel_version: string, raw_description: string }),
  client_os: struct({ ...named, build: lenientString, kernel_version: string }),
  runtime: struct({ ...named, raw_description: string }),
  device: struct({ name: string, family: string, model: string, brand: string, arch: string }),
};

const contexts: FieldType = (value, path, notes) => {
  const checked = record(object)(value, path, notes);
  if (!isObject(checked)) return checked;
  for (const [key, type] of Object.entries(contextTypes)) {
    if (!Object.hasOwn(checked, key)) continue;
    const context = type(checked[key], [...path, key], notes);
    if (context === undefined) delete checked[key];
    else checked[key] = context;
  }
  return checked;
};

const breadcrumb = struct({
  timestamp,
  type: string,
  category: string,
  level: string,
  message: string,
  event_id: string,
  data: object,
});

const sdk = struct({
  name: string,
  version: string,
  integrations: list(string),
  packages: list(struct(named)),
  features: list(string),
});

const span = struct({
  timestamp,
  start_timestamp: timestamp,
  exclusive_time: number,
  op: string,
  span_id: string,
  parent_span_id: string,
  trace_id: string,
  description: string,
  status: string,
  origin: string,
  same_process_as_parent: boolean,
  tags: pairs(lenientString),
  data: object,
});

const measurement = struct({ value: number, unit: string });

/** Every field of an event or transaction that has a type in the protocol. */
export const eventSchema = struct({
  type: string,
  start_timestamp: timestamp,
  logentry: logEntry,
  message,
  culprit: string,
  transaction: string,
  transaction_info: struct({ source: string, original: string }),
  time_spent: number,
  logger: string,
  modules: record(string),
  server_name: string,
  release: lenientString,
  dist: lenientString,
  environment: string,
  site: string,
  fingerprint: list(lenientString),
  user,
  request,
  contexts,
  tags: pairs(lenientString),
  extra: object,
  breadcrumbs: values(breadcrumb),
  exception: exceptions,
  stacktrace,
  threads,
  sdk,
  debug_meta: object,
  spans: list(span),
  measurements: record(measurement),
  csp: object,
  hpkp: object,
  expectct: object,
  expectstaple: object,
  template: object,
  errors: list(object),
  trimmed: object,
});
