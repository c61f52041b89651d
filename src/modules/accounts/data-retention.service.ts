import { loginThrottle } from './login-throttle.rules.ts';
import { KNOWN_DEVICE_DAYS, SESSION_IDLE_MINUTES } from './session.service.ts';
import { TOKEN_TTL_HOURS } from './users.service.ts';

/**
 * How long the accounts module keeps what it keeps, read from where each limit is enforced: the
 * personal-data page states these, so it cannot drift from what the platform does.
 */
export function accountDataRetention(sessionTtlHours: number) {
  return {
    sessionIdleMinutes: SESSION_IDLE_MINUTES,
    sessionMaxHours: sessionTtlHours,
    knownDeviceDays: KNOWN_DEVICE_DAYS,
    failedLoginMinutes: loginThrottle.windowSeconds / 60,
    resetLinkHours: TOKEN_TTL_HOURS.password_reset,
    invitationLinkHours: TOKEN_TTL_HOURS.invitation,
  };
}

export type AccountDataRetention = ReturnType<typeof accountDataRetention>;
