import type { WebSocket } from 'ws';
import type { Database } from '../db/database.js';
import type { Principal } from '../modules/auth/principal.js';
import { publish, subscribe, type BusMessage } from './bus.js';
import { isChatTopic, relayChat } from './chat-relay.js';

/** One staff browser tab connected to /api/v1/live. */
export interface LiveClient {
  id: string;
  socket: WebSocket;
  principal: Extract<Principal, { kind: 'user' }>;
  /** Complaints this tab has open (for presence / collision warnings). */
  viewing: Set<string>;
  /** Chat sessions this tab has open: their new messages are announced to it (chat-relay.ts). */
  chats: Set<string>;
}

export type PresenceState = 'viewing' | 'typing' | 'left';

/**
 * Fans bus messages out to this instance's sockets. Every instance runs one hub and one
 * LISTEN; a change committed on any instance reaches every tab that may see it. What is sent
 * is a hint ("complaint X changed"), never the record: the tab re-reads it through the API
 * with its own permissions.
 */
export class LiveHub {
  private readonly clients = new Set<LiveClient>();
  private unsubscribe: (() => Promise<void>) | null = null;

  constructor(private readonly db: Database) {}

  async start(): Promise<void> {
    this.unsubscribe = await subscribe(this.db, (m) => {
      void this.dispatch(m).catch((err: unknown) => console.error('[live] dispatch failed:', err));
    });
  }

  async stop(): Promise<void> {
    for (const c of this.clients) c.socket.close(1001, 'server shutting down');
    this.clients.clear();
    await this.unsubscribe?.();
  }

  add(client: LiveClient): void {
    this.clients.add(client);
  }

  remove(client: LiveClient): void {
    this.clients.delete(client);
    // Others stop seeing this tab in the complaints it had open.
    for (const complaintId of client.viewing) void this.announce(client, complaintId, 'left').catch(() => undefined);
  }

  get size(): number {
    return this.clients.size;
  }

  async announce(client: LiveClient, complaintId: string, state: PresenceState, first = false): Promise<void> {
    if (state === 'left') client.viewing.delete(complaintId);
    else client.viewing.add(complaintId);
    publish(this.db, {
      topic: 'presence', complaintId, state, first,
      socketId: client.id, userId: client.principal.userId, name: client.principal.name,
    });
  }

  private async dispatch(m: BusMessage): Promise<void> {
    if (m.topic === 'presence') return this.dispatchPresence(m);
    if (isChatTopic(m)) return relayChat(this.clients, m);
    if (m.topic !== 'complaint.changed' || typeof m.complaintId !== 'string') return;
    const frame = JSON.stringify({
      type: 'complaint.changed', complaintId: m.complaintId, types: typeof m.types === 'string' ? m.types.split(',') : [],
      assigneeId: m.assigneeId ?? null, departmentId: m.departmentId ?? null,
    });
    let handoffDepartments: Set<string> | null = null;
    for (const c of this.clients) {
      if (!(await this.maySee(c, m, async () => (handoffDepartments ??= await this.handoffDepartments(m.complaintId as string))))) continue;
      send(c.socket, frame);
    }
  }

  /** Mirrors complaintScope (complaint-policy.ts) for a complaint that just changed. */
  private async maySee(c: LiveClient, m: BusMessage, handoffs: () => Promise<Set<string>>): Promise<boolean> {
    switch (c.principal.role) {
      case 'admin':
      case 'supervisor':
      case 'agent':
      case 'analyst':
        return true;
      case 'department_staff': {
        const dept = c.principal.departmentId;
        if (!dept) return false;
        return m.departmentId === dept || (await handoffs()).has(dept);
      }
    }
  }

  private async handoffDepartments(complaintId: string): Promise<Set<string>> {
    const rows = await this.db.query<{ department_id: string }>(
      `select distinct department_id from handoffs where complaint_id = $1 and status in ('open', 'acknowledged', 'answered')`,
      [complaintId],
    );
    return new Set(rows.map((r) => r.department_id));
  }

  private dispatchPresence(m: BusMessage): void {
    if (typeof m.complaintId !== 'string') return;
    const frame = JSON.stringify({ type: 'presence', complaintId: m.complaintId, userId: m.userId, name: m.name, state: m.state, first: m.first === true });
    for (const c of this.clients) {
      if (c.id === m.socketId || !c.viewing.has(m.complaintId)) continue;
      // Another tab of the same person is not a collision.
      if (c.principal.userId === m.userId) continue;
      send(c.socket, frame);
    }
  }
}

function send(socket: WebSocket, frame: string): void {
  if (socket.readyState === socket.OPEN) socket.send(frame);
}
