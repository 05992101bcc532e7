/**
 * 32 digits, the event id format Sentry expects (hex; decimal digits are hex
 * too). Five random 32-bit numbers give 40-50 digits, about 106 random bits
 * kept; `getRandomValues` works on plain-http pages where `randomUUID` does not.
 */
export const uuid = (): string => crypto.getRandomValues(new Uint32Array(5)).join('').slice(-32);
