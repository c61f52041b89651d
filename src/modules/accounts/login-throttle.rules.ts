/**
 * How long an address must wait after failed logins: free for the first few mistakes, then a lock
 * that doubles with each further failure, capped. Pure, so it is tested without a clock.
 */
export const loginThrottle = {
  /** Failures older than this are forgotten. */
  windowSeconds: 15 * 60,
  freeAttempts: 5,
  baseLockSeconds: 60,
  maxLockSeconds: 15 * 60,

  lockSeconds(failures: number): number {
    if (failures < this.freeAttempts) return 0;
    return Math.min(this.maxLockSeconds, this.baseLockSeconds * 2 ** (failures - this.freeAttempts));
  },

  /** Seconds left before the next attempt is allowed (0 = now). */
  waitSeconds(failures: number, lastFailureAt: Date | null, now: Date): number {
    const lock = this.lockSeconds(failures);
    if (lock === 0 || !lastFailureAt) return 0;
    const elapsed = (now.getTime() - lastFailureAt.getTime()) / 1000;
    return Math.max(0, Math.ceil(lock - elapsed));
  },
};
