/**
 * How this portal rates (GET /api/settings): loaded once before the app renders, so the member's panel and the
 * secretary's summary rate with the same parameters as the server's check of each draft.
 */
import type { PortalSettings, User } from '../shared/api';

let current: PortalSettings = { parameters: {} };

export function portalSettings(): PortalSettings {
  return current;
}

export function setPortalSettings(settings: PortalSettings): void {
  current = settings;
}

let user: User | undefined;

/** Who is signed in (set before the app renders). */
export function signedInUser(): User | undefined {
  return user;
}

export function setSignedInUser(value: User | undefined): void {
  user = value;
}
