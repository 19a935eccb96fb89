import { describe, expect, it } from 'vitest';
import { EVENT_PAYLOADS } from '../modules/events/event-types.js';
import { messages as extras } from './complaint/complaint-extras.messages.js';
import { en } from './messages.en.js';
import { zhCN } from './messages.zh.js';

describe('timeline labels', () => {
  it('every event type the server can write has a label in both languages (else the timeline shows its code)', () => {
    const labelled = (dict: Record<string, string>, extra: Record<string, string>) => (type: string) => `event.${type}` in dict || `ev.${type}` in extra;
    const types = Object.keys(EVENT_PAYLOADS);
    expect(types.length).toBeGreaterThan(40);
    expect(types.filter((t) => !labelled(en, extras.catalogue.en)(t))).toEqual([]);
    expect(types.filter((t) => !labelled(zhCN, extras.catalogue['zh-CN'])(t))).toEqual([]);
  });
});
