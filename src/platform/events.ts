import type { Db } from './db/database.ts';

/**
 * The domain events, keyed by name. Each module adds its own by declaration merging:
 * `declare module '../../platform/events.ts' { interface DomainEvents { 'x.changed': {...} } }`.
 */
export interface DomainEvents {}

export type EventName = keyof DomainEvents;
export type Subscriber<E extends EventName> = (tx: Db, payload: DomainEvents[E]) => Promise<void>;
export type EventSubscribers = { [E in EventName]?: Subscriber<E> | Subscriber<E>[] };

const subscribers = new Map<EventName, Subscriber<EventName>[]>();
const installed = new Set<string>();

/**
 * Installs a module's subscribers once (the composition root calls it for every manifest; calling
 * it again with the same name does nothing).
 */
export function installSubscribers(owner: string, map: EventSubscribers): void {
  if (installed.has(owner)) return;
  installed.add(owner);
  for (const [name, value] of Object.entries(map) as [EventName, Subscriber<EventName> | Subscriber<EventName>[]][]) {
    const list = subscribers.get(name) ?? [];
    list.push(...(Array.isArray(value) ? value : [value]));
    subscribers.set(name, list);
  }
}

/**
 * Tells the other modules what happened, inside the transaction that made it happen: subscribers
 * run in that transaction, so their writes commit or roll back with the change itself.
 */
export async function emit<E extends EventName>(tx: Db, name: E, payload: DomainEvents[E]): Promise<void> {
  for (const subscriber of subscribers.get(name) ?? []) await (subscriber as Subscriber<E>)(tx, payload);
}
