/**
 * Why a webhook URL may not be used, or null when it may. Deployed collectors
 * ('production' mode) only call https URLs on public hosts: no loopback, private,
 * link-local (cloud metadata at 169.254.169.254), CGNAT or unique-local address, so a
 * webhook cannot be used to reach inside a network (SSRF). Local mode also allows
 * http, and only to loopback, for receivers on the developer's machine.
 * Redirects are never followed (`redirect: 'manual'`), so a public URL cannot bounce
 * a delivery to a private one.
 */
export function webhookUrlProblem(value: string, mode: string | undefined): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a valid URL';
  }
  if (url.username || url.password) return 'must not contain credentials';
  const local = mode === 'local';
  const host = url.hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (url.protocol === 'http:') {
    if (local && isLoopback(host)) return null;
    return local ? 'must be https (http is only allowed to loopback locally)' : 'must be https';
  }
  if (url.protocol !== 'https:') return 'must be an https URL';
  if (!local && isInternalHost(host)) {
    return 'points to a loopback, private or link-local address';
  }
  return null;
}

function isLoopback(host: string): boolean {
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '::1' ||
    ipv4InRange(host, [[127, 0, 0, 0, 8]])
  );
}

const INTERNAL_IPV4: [number, number, number, number, number][] = [
  [0, 0, 0, 0, 8], // "this" network
  [10, 0, 0, 0, 8], // private
  [100, 64, 0, 0, 10], // carrier-grade NAT
  [127, 0, 0, 0, 8], // loopback
  [169, 254, 0, 0, 16], // link-local, cloud metadata
  [172, 16, 0, 0, 12], // private
  [192, 0, 0, 0, 24], // IETF protocol assignments
  [192, 168, 0, 0, 16], // private
  [198, 18, 0, 0, 15], // benchmarking
  [224, 0, 0, 0, 4], // multicast
  [240, 0, 0, 0, 4], // reserved, broadcast
];

function parseIpv4(host: string): number[] | null {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part))) return null;
  const bytes = parts.map(Number);
  return bytes.every((byte) => byte <= 255) ? bytes : null;
}

function ipv4InRange(host: string, ranges: [number, number, number, number, number][]): boolean {
  const bytes = parseIpv4(host);
  if (!bytes) return false;
  const address =
    (((bytes[0] ?? 0) << 24) |
      ((bytes[1] ?? 0) << 16) |
      ((bytes[2] ?? 0) << 8) |
      (bytes[3] ?? 0)) >>>
    0;
  return ranges.some(([a, b, c, d, bits]) => {
    const base = ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    return (address & mask) === (base & mask);
  });
}

/**
 * The IPv4 address an IPv6 one carries, as the URL parser writes it (hex groups):
 * IPv4-mapped `::ffff:7f00:1`, IPv4-translated `::ffff:0:7f00:1`, IPv4-compatible
 * `::7f00:1`, NAT64 `64:ff9b::7f00:1` and 6to4 `2002:7f00:1::`. A network that routes
 * these reaches the IPv4 address, so they are judged as that address.
 */
function embeddedIpv4(host: string): string | null {
  const toIpv4 = (high: string, low: string) => {
    const a = Number.parseInt(high, 16);
    const b = Number.parseInt(low, 16);
    return [a >> 8, a & 255, b >> 8, b & 255].join('.');
  };
  const dotted = /^(?:::ffff:|::ffff:0:|::|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(host);
  if (dotted?.[1]) return dotted[1];
  const tail = /^(?:::ffff:|::ffff:0:|::|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
  if (tail?.[1] && tail[2]) return toIpv4(tail[1], tail[2]);
  const sixToFour = /^2002:([0-9a-f]{1,4}):([0-9a-f]{1,4})(?::|$)/.exec(host);
  if (sixToFour?.[1] && sixToFour[2]) return toIpv4(sixToFour[1], sixToFour[2]);
  return null;
}

function isInternalHost(host: string): boolean {
  if (
    host === 'localhost' ||
    /\.(localhost|localdomain|local|internal|intranet|lan|home\.arpa)$/.test(host)
  ) {
    return true;
  }
  if (parseIpv4(host)) return ipv4InRange(host, INTERNAL_IPV4);
  if (!host.includes(':')) return false; // a DNS name
  const embedded = embeddedIpv4(host);
  if (embedded) return ipv4InRange(embedded, INTERNAL_IPV4);
  return (
    host === '::' ||
    host === '::1' ||
    /^f[cd][0-9a-f]{2}:/.test(host) || // unique local fc00::/7
    /^fe[89ab][0-9a-f]:/.test(host) || // link-local fe80::/10
    /^fe[c-f][0-9a-f]:/.test(host) || // site-local fec0::/10 (deprecated, still private)
    /^ff[0-9a-f]{2}:/.test(host) // multicast
  );
}
