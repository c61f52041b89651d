import ipaddr from 'ipaddr.js';

/** Failures of one kind in the throttle's window: how many, and when the latest was. */
export type FailureCount = { failures: number; lastAt: Date | null };

/**
 * What the throttle looks at for one attempt: the failures for this address from this client
 * (`pair`), for this address from anywhere (`account`), from this client for any address
 * (`client`), and whether the browser holds this address's known-device cookie.
 */
export type ThrottleCounts = { pair: FailureCount; account: FailureCount; client: FailureCount; trustedDevice: boolean };

export type ThrottleDecision = { allowed: true } | { allowed: false; scope: 'client' | 'account'; waitSeconds: number };

/**
 * How long a login attempt must wait after failed ones. Pure, so it is tested without a clock.
 *
 * Failures are counted per address *and* client: someone guessing an address from one place is
 * slowed down (free for the first few mistakes, then a lock that doubles, capped) while the owner,
 * elsewhere, still signs in. One client guessing many addresses is slowed down as well. An address
 * that fails from many clients at once is under a distributed attack: it then accepts only the
 * browsers where its owner signed in before (the known-device cookie), until the attack calms down
 * or the owner sets a new password through the link sent by email, which clears the count.
 */
export const loginThrottle = {
  /** Failures older than this are forgotten. */
  windowSeconds: 15 * 60,
  /** Per address and client. */
  freeAttempts: 5,
  baseLockSeconds: 60,
  maxLockSeconds: 15 * 60,
  /** Per client, whatever the addresses (a shared office network makes a few honest mistakes too). */
  clientFreeAttempts: 30,
  /** Per address, whatever the clients: past this, only known devices may try. */
  accountLockFailures: 20,

  lockSeconds(failures: number, free?: number): number {
    if (failures < (free ?? this.freeAttempts)) return 0;
    return Math.min(this.maxLockSeconds, this.baseLockSeconds * 2 ** (failures - (free ?? this.freeAttempts)));
  },

  /** Seconds left before the next attempt is allowed (0 = now). */
  waitSeconds(failures: number, lastFailureAt: Date | null, now: Date, free?: number): number {
    const lock = this.lockSeconds(failures, free);
    if (lock === 0 || !lastFailureAt) return 0;
    return remaining(lock, lastFailureAt, now);
  },

  decide(counts: ThrottleCounts, now: Date): ThrottleDecision {
    const client = Math.max(
      this.waitSeconds(counts.pair.failures, counts.pair.lastAt, now),
      this.waitSeconds(counts.client.failures, counts.client.lastAt, now, this.clientFreeAttempts),
    );
    const account =
      !counts.trustedDevice && counts.account.failures >= this.accountLockFailures && counts.account.lastAt
        ? remaining(this.maxLockSeconds, counts.account.lastAt, now)
        : 0;
    if (client === 0 && account === 0) return { allowed: true };
    return account >= client ? { allowed: false, scope: 'account', waitSeconds: account } : { allowed: false, scope: 'client', waitSeconds: client };
  },
};

function remaining(lockSeconds: number, since: Date, now: Date): number {
  const elapsed = (now.getTime() - since.getTime()) / 1000;
  return Math.max(0, Math.ceil(lockSeconds - elapsed));
}

/**
 * The client a failure is counted for: an IPv4 address, or the /64 network of an IPv6 one (a single
 * machine is commonly given a whole /64, so counting addresses would count nothing).
 */
export function clientKey(ip: string | undefined | null): string {
  if (!ip || !ipaddr.isValid(ip)) return 'inconnue';
  const address = ipaddr.process(ip);
  if (address.kind() === 'ipv4') return address.toString();
  const parts = (address as ipaddr.IPv6).parts.slice(0, 4);
  return `${ipaddr.fromByteArray([...parts.flatMap((p) => [p >> 8, p & 255]), ...Array(8).fill(0)]).toString()}/64`;
}
