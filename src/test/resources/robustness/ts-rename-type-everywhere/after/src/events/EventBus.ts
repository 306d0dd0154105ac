/**
 * A typed publish/subscribe bus. Event names and payload types come from the `Events` map,
 * so `bus.emit('saved', 42)` fails to compile when 'saved' carries a string.
 */
export type Handler<T> = (payload: T) => void | Promise<void>;

export interface Subscription {
  unsubscribe(): void;
}

interface Entry<T> {
  handler: Handler<T>;
  once: boolean;
}

export class EventBus<Events extends Record<string, unknown>> {
  private readonly entries = new Map<keyof Events, Entry<any>[]>();
  private readonly errorHandlers: Handler<unknown>[] = [];

  on<K extends keyof Events>(event: K, handler: Handler<Events[K]>): Subscription {
    return this.add(event, handler, false);
  }

  once<K extends keyof Events>(event: K, handler: Handler<Events[K]>): Subscription {
    return this.add(event, handler, true);
  }

  /** Called with whatever a handler throws or rejects with; without one, errors are rethrown. */
  onError(handler: Handler<unknown>): void {
    this.errorHandlers.push(handler);
  }

  async emit<K extends keyof Events>(event: K, payload: Events[K]): Promise<void> {
    const entries = this.entries.get(event) ?? [];
    this.entries.set(
      event,
      entries.filter((entry) => !entry.once),
    );
    for (const entry of entries) {
      try {
        await entry.handler(payload);
      } catch (error) {
        if (this.errorHandlers.length === 0) {
          throw error;
        }
        for (const onError of this.errorHandlers) {
          await onError(error);
        }
      }
    }
  }

  handlerCount<K extends keyof Events>(event: K): number {
    return this.entries.get(event)?.length ?? 0;
  }

  private add<K extends keyof Events>(
    event: K,
    handler: Handler<Events[K]>,
    once: boolean,
  ): Subscription {
    const entry: Entry<Events[K]> = { handler, once };
    const list = this.entries.get(event) ?? [];
    list.push(entry);
    this.entries.set(event, list);
    return {
      unsubscribe: () => {
        const current = this.entries.get(event) ?? [];
        this.entries.set(
          event,
          current.filter((candidate) => candidate !== entry),
        );
      },
    };
  }
}

/** Resolves with the next payload of `event`. */
export function nextEvent<Events extends Record<string, unknown>, K extends keyof Events>(
  bus: EventBus<Events>,
  event: K,
): Promise<Events[K]> {
  return new Promise((resolve) => {
    const handler: Handler<Events[K]> = (payload) => resolve(payload);
    bus.once(event, handler);
  });
}
