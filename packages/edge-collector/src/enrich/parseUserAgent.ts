export interface UserAgentInfo {
  browser?: { name: string; version?: string };
  os?: { name: string; version?: string };
  device?: { family: string; model?: string };
}

/** Browsers in the order to test them: many UAs also claim to be Chrome and Safari. */
const BROWSERS: [string, RegExp][] = [
  ['Edge', /\bEdg(?:e|A|iOS)?\/([\d.]+)/],
  ['Opera', /\b(?:OPR|Opera)\/([\d.]+)/],
  ['Samsung Internet', /\bSamsungBrowser\/([\d.]+)/],
  ['Firefox', /\b(?:Firefox|FxiOS)\/([\d.]+)/],
  ['HeadlessChrome', /\bHeadlessChrome\/([\d.]+)/],
  ['Chrome', /\b(?:Chrome|CriOS|Chromium)\/([\d.]+)/],
  ['Mobile Safari', /\bVersion\/([\d.]+).*\bMobile\/\S+ Safari\//],
  ['Safari', /\bVersion\/([\d.]+).*\bSafari\//],
  ['IE', /\b(?:MSIE |Trident\/.*\brv:)([\d.]+)/],
];

const WINDOWS_VERSIONS: Record<string, string> = {
  '10.0': '10',
  '6.3': '8.1',
  '6.2': '8',
  '6.1': '7',
  '6.0': 'Vista',
  '5.1': 'XP',
};

function shortVersion(version: string | undefined): string | undefined {
  return version?.replaceAll('_', '.').split('.').slice(0, 3).join('.');
}

function parseBrowser(userAgent: string): UserAgentInfo['browser'] {
  for (const [name, pattern] of BROWSERS) {
    const match = pattern.exec(userAgent);
    if (match) return { name, version: shortVersion(match[1]) };
  }
  return undefined;
}

function parseOs(userAgent: string): UserAgentInfo['os'] {
  let match = /\bWindows NT ([\d.]+)/.exec(userAgent);
  if (match?.[1]) return { name: 'Windows', version: WINDOWS_VERSIONS[match[1]] ?? match[1] };
  match = /\b(?:iPhone|iPad|iPod)\b.*?\bOS ([\d_]+)/.exec(userAgent);
  if (match) return { name: 'iOS', version: shortVersion(match[1]) };
  match = /\bMac OS X ([\d_.]+)/.exec(userAgent);
  if (match) return { name: 'Mac OS X', version: shortVersion(match[1]) };
  match = /\bAndroid ([\d.]+)/.exec(userAgent);
  if (match) return { name: 'Android', version: shortVersion(match[1]) };
  if (/\bCrOS\b/.test(userAgent)) return { name: 'Chrome OS' };
  if (/\bLinux\b/.test(userAgent)) return { name: 'Linux' };
  return undefined;
}

function parseDevice(userAgent: string, os: UserAgentInfo['os']): UserAgentInfo['device'] {
  const apple = /\b(iPhone|iPad|iPod)\b/.exec(userAgent);
  if (apple?.[1]) return { family: apple[1], model: apple[1] };
  if (os?.name === 'Android') {
    const model = /\bAndroid [\d.]+; (?:[a-z]{2}[-_][a-z]{2}; )?([^;)]+?)(?: Build\/|\))/i.exec(
      userAgent,
    )?.[1];
    const family = /\bMobile\b/.test(userAgent) ? 'Android Phone' : 'Android Tablet';
    return model && model !== 'K' ? { family, model } : { family };
  }
  if (os) return { family: 'Desktop' };
  return undefined;
}

/**
 * A small user-agent parser for the browser, OS and device tags: the major
 * browsers and platforms, not every UA ever seen. Unknown parts stay unset.
 */
export function parseUserAgent(userAgent: string): UserAgentInfo {
  const os = parseOs(userAgent);
  const info: UserAgentInfo = {};
  const browser = parseBrowser(userAgent);
  const device = parseDevice(userAgent, os);
  if (browser) info.browser = browser;
  if (os) info.os = os;
  if (device) info.device = device;
  return info;
}
