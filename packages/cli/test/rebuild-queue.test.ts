import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { RebuildQueue } from '../src/rebuild-queue.js';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

/** A queue whose builds end when the test says so; it records builds started and results reported. */
function queue() {
  const started: number[] = [];
  const settled: number[] = [];
  const ends: (() => void)[] = [];
  const q = new RebuildQueue<number>(
    () =>
      new Promise((resolve) => {
        const n = started.push(started.length + 1);
        ends.push(() => resolve(n));
      }),
    (last) => settled.push(last),
    120,
  );
  const finish = async () => {
    ends.shift()?.();
    await vi.advanceTimersByTimeAsync(0);
  };
  return { q, started, settled, finish };
}

test('a burst of changes makes one rebuild, once the files are quiet', async () => {
  const { q, started, settled, finish } = queue();
  for (let i = 0; i < 5; i++) {
    q.changed();
    await vi.advanceTimersByTimeAsync(50);
  }
  expect(started).toEqual([]);
  await vi.advanceTimersByTimeAsync(120);
  expect(started).toEqual([1]);
  await finish();
  expect(settled).toEqual([1]);
});

test('changes during a rebuild make exactly one more after it, and only its result is reported', async () => {
  const { q, started, settled, finish } = queue();
  q.changed();
  await vi.advanceTimersByTimeAsync(120);
  expect(started).toEqual([1]);
  // Three saves while the first build runs, far enough apart to be three bursts.
  for (let i = 0; i < 3; i++) {
    q.changed();
    await vi.advanceTimersByTimeAsync(200);
  }
  expect(started).toEqual([1]);
  await finish();
  expect(started).toEqual([1, 2]);
  expect(settled).toEqual([]);
  await finish();
  await vi.advanceTimersByTimeAsync(1000);
  expect(started).toEqual([1, 2]);
  expect(settled).toEqual([2]);
});

test('start() during a rebuild waits for the one after it; idle() for the end', async () => {
  const { q, started, finish } = queue();
  const first = q.start();
  const second = q.start();
  expect(started).toEqual([1]);
  await finish();
  await finish();
  expect(await first).toBe(2);
  expect(await second).toBe(2);
  await q.idle();
  expect(started).toEqual([1, 2]);
});

test('close() drops a change not yet acted on', async () => {
  const { q, started } = queue();
  q.changed();
  q.close();
  await vi.advanceTimersByTimeAsync(1000);
  expect(started).toEqual([]);
});
