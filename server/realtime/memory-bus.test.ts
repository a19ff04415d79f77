import { describe, expect, it } from 'vitest';
import { MemoryBus } from './bus.js';

describe('memory bus ids', () => {
  it('never hands out an id twice for a topic, even when it is evicted and re-created in the same millisecond', async () => {
    const bus = new MemoryBus({ maxTopics: 1, now: () => 1_700_000_000_000 });
    const a1 = await bus.publish('room:a', 'chat', {});
    const a2 = await bus.publish('room:a', 'chat', {});
    await bus.publish('room:b', 'chat', {}); // evicts room:a
    const a3 = await bus.publish('room:a', 'chat', {});
    expect(a2).toBe(a1 + 1);
    expect(a3).toBeGreaterThan(a2);
    // another bus of this process (a restart within the same millisecond in a test) starts above both
    const again = await new MemoryBus({ now: () => 1_700_000_000_000 }).publish('room:a', 'chat', {});
    expect(again).toBeGreaterThan(a3);
  });
});
