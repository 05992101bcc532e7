/** Longest address SMTP carries (RFC 5321: 254 in a path, 64 before the @). */
const MAX_ADDRESS = 254;
const MAX_LOCAL = 64;
/** Dot-atom characters (RFC 5322) before the @: no quotes, spaces or brackets. */
const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/i;
const DOMAIN_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

export type EmailDestination = { address: string; url: string } | { problem: string };

/**
 * An e-mail destination from `mailto:ops@example.com` or a bare `ops@example.com`:
 * one address with a dot-atom local part and a DNS domain, stored as `mailto:<address>`,
 * or why not. Nothing that could end a header line (CR, LF) or name a second recipient
 * (`,`, `?cc=`) gets through, so an address cannot add headers or recipients.
 */
export function parseEmailDestination(value: string): EmailDestination {
  let address = value.trim();
  if (/^mailto:/i.test(address)) {
    address = address.slice('mailto:'.length);
    if (address.includes('?')) return { problem: 'must be one address, without ?subject= or ?cc=' };
    try {
      address = decodeURIComponent(address);
    } catch {
      return { problem: 'is not a valid mailto: URL' };
    }
  }
  if (address === '') return { problem: 'must be an e-mail address such as ops@example.com' };
  if (address.length > MAX_ADDRESS) return { problem: `must be at most ${MAX_ADDRESS} characters` };
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) {
    return { problem: 'must be an e-mail address such as ops@example.com' };
  }
  const local = address.slice(0, at);
  const domain = address.slice(at + 1).toLowerCase();
  if (local.length > MAX_LOCAL || !LOCAL_PART.test(local)) {
    return { problem: `has an invalid part before the @: ${JSON.stringify(local.slice(0, 80))}` };
  }
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) {
    return { problem: `has an invalid domain: ${JSON.stringify(domain.slice(0, 80))}` };
  }
  const normalized = `${local}@${domain}`;
  return { address: normalized, url: `mailto:${normalized}` };
}
