import { expect, test } from 'vitest';
import { WriteQueue } from './write-queue.ts';

/** A gate a test opens by hand: work that waits on it is provably still running. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => { open = resolve; });
  return { opened, open };
}

test('writes run one at a time, in the order asked, whatever order they would finish in', async () => {
  const queue = new WriteQueue();
  const log: string[] = [];
  const first = gate();
  const a = queue.run(async () => { log.push('a starts'); await first.opened; log.push('a ends'); return 'a'; });
  const b = queue.run(async () => { log.push('b starts'); log.push('b ends'); return 'b'; });
  await new Promise(setImmediate);
  // b was asked while a ran: it has not started
  expect(log).toEqual(['a starts']);
  expect(queue.busy).toBe(true);
  first.open();
  expect(await Promise.all([a, b])).toEqual(['a', 'b']);
  expect(log).toEqual(['a starts', 'a ends', 'b starts', 'b ends']);
  expect(queue.busy).toBe(false);
});

test('a failed write answers its own error and does not stop the next', async () => {
  const queue = new WriteQueue();
  const failed = queue.run(async () => { throw new Error('bad file'); });
  const next = queue.run(async () => 'saved');
  await expect(failed).rejects.toThrow('bad file');
  expect(await next).toBe('saved');
  expect(queue.busy).toBe(false);
});

test('runIfIdle runs only when no write runs or waits', async () => {
  const queue = new WriteQueue();
  const hold = gate();
  const running = queue.run(() => hold.opened);
  expect(queue.runIfIdle(async () => 'skipped')).toBeUndefined();
  hold.open();
  await running;
  expect(await queue.runIfIdle(async () => 'ran')).toBe('ran');
});

test('idle settles after every write asked so far, those asked while waiting included', async () => {
  const queue = new WriteQueue();
  const log: string[] = [];
  const hold = gate();
  void queue.run(async () => { await hold.opened; log.push('a'); });
  const idle = queue.idle().then(() => log.push('idle'));
  void queue.run(async () => { log.push('b'); });
  hold.open();
  await idle;
  expect(log).toEqual(['a', 'b', 'idle']);
});
