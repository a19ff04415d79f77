import { describe, expect, it } from 'vitest';
import { topics, WS_PATH as CONTRACT_WS_PATH } from '../../../../server/realtime/contract.js';
import { roomTopic, WS_PATH } from './topics.js';

describe('realtime topic names in the browser', () => {
  it('match the wire contract', () => {
    expect(WS_PATH).toBe(CONTRACT_WS_PATH);
    expect(roomTopic('8f0c1d2e-0000-4000-8000-000000000001')).toBe(topics.room('8f0c1d2e-0000-4000-8000-000000000001'));
  });
});
