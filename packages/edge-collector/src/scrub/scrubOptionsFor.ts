import type { ProjectSettings } from '../projects/ProjectSettings';
import type { ScrubOptions } from './scrubEvent';

/**
 * A project's scrubbing options from its settings. A project that stores
 * client IPs (`storeClientIp`) keeps `user.ip_address`: the ingest IP policy
 * already decided it may be stored.
 */
export function scrubOptionsFor(settings: ProjectSettings, salt: string): ScrubOptions {
  return {
    sensitiveFields: settings.sensitiveFields,
    safeFields: settings.storeClientIp
      ? [...settings.safeFields, 'user.ip_address']
      : settings.safeFields,
    scrubIpAddresses: settings.scrubIpAddresses,
    hashScrubbedValues: settings.hashScrubbedValues,
    salt,
  };
}
