import type { Queryable } from '../../db/database.js';
import type { ComplaintEvent } from './append-event.js';
import { noticeListener } from '../notify/enqueue-notices.js';
import { chatReplyListener } from '../chat/chat-reply-mirror.js';

/**
 * Work that must happen in the same transaction as an event (so it is never lost and never
 * done for an uncommitted change): e.g. the notify module queues progress notices.
 * A listener names the event types it reacts to; append-event.ts calls it after inserting.
 */
export interface EventListener {
  name: string;
  types: readonly string[];
  handle(tx: Queryable, event: ComplaintEvent): Promise<void>;
  /** The same for several events written in one statement, in fewer round trips (optional). */
  handleMany?(tx: Queryable, events: readonly ComplaintEvent[]): Promise<void>;
}

export function onEvents(name: string, types: readonly string[], handle: EventListener['handle'], handleMany?: EventListener['handleMany']): EventListener {
  return { name, types, handle, ...(handleMany ? { handleMany } : {}) };
}

/**
 * Every listener, in call order. A function (not a const) so the import cycle
 * (append-event → here → notify → append-event) never meets an uninitialised binding.
 */
export function allListeners(): readonly EventListener[] {
  return [noticeListener, chatReplyListener];
}
