/**
 * How this portal rates (GET /api/settings): loaded once before the app renders, so the member's panel and the
 * secretary's summary rate with the same parameters as the server's check of each draft.
 */
import type { PortalSettings } from '../shared/api';

let current: PortalSettings = { parameters: {} };

export function portalSettings(): PortalSettings {
  return current;
}

export function setPortalSettings(settings: PortalSettings): void {
  current = settings;
}
