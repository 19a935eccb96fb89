import { describe, expect, it } from 'vitest';
import { LOCAL_SEQ, mergeLine, withHistory, type Line } from './bot-lines.js';
import type { ChatMessage } from './bot-types.js';

const msg = (seq: number, over: Partial<ChatMessage> = {}): ChatMessage => ({
  id: `m${seq}`, seq, sender: 'bot', body: `line ${seq}`, clientId: null, createdAt: '2026-03-01T00:00:00.000Z', ...over,
});
const local = (clientId: string, body: string, delivery: Line['delivery'] = 'sending'): Line => ({
  id: `local-${clientId}`, seq: LOCAL_SEQ, sender: 'customer', body, clientId, createdAt: '2026-03-01T00:00:00.000Z', delivery,
});

describe('bot panel lines', () => {
  it('a server message replaces the optimistic copy of the same client id and keeps seq order', () => {
    let lines: Line[] = [{ ...msg(1), delivery: 'sent' }, local('c1', 'hello')];
    lines = mergeLine(lines, msg(3, { sender: 'bot' }));
    lines = mergeLine(lines, msg(2, { sender: 'customer', body: 'hello', clientId: 'c1' }));
    expect(lines.map((l) => [l.seq, l.delivery])).toEqual([[1, 'sent'], [2, 'sent'], [3, 'sent']]);
  });

  it('a message delivered twice (reconnect, two frames) shows once', () => {
    const once = mergeLine([], msg(1));
    expect(mergeLine(once, msg(1))).toBe(once);
  });

  it('history replaces what was shown but keeps lines the server has not got, failed ones too', () => {
    const shown: Line[] = [{ ...msg(1), delivery: 'sent' }, local('c1', 'stored already'), local('c2', 'not yet'), local('c3', 'refused', 'failed')];
    const history = [msg(1), msg(2, { sender: 'customer', body: 'stored already', clientId: 'c1' })];
    expect(withHistory(shown, history).map((l) => [l.body, l.delivery])).toEqual([
      ['line 1', 'sent'], ['stored already', 'sent'], ['not yet', 'sending'], ['refused', 'failed'],
    ]);
  });
});
