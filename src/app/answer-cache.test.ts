import { afterEach, expect, test } from 'vitest';
import { Database } from '../store/database.ts';
import { rememberedAnswer } from './answer-cache.ts';

let db: Database | undefined;
afterEach(() => db?.close());

test('an answer is remembered until the database is written, and each caller gets its own copy', async () => {
  db = await Database.open(':memory:');
  const d = db;
  let asked = 0;
  const answer = async () => ({ asked: ++asked, stores: Number((await d.all('SELECT count(*) AS n FROM stores'))[0]?.n) });
  const before = (await answer()).stores; // a new database's stores (the default one)
  asked = 0;
  const first = await rememberedAnswer(d, 'k', answer);
  expect(first).toEqual({ asked: 1, stores: before });
  first.asked = 99; // a caller changing its copy changes nobody else's
  expect(await rememberedAnswer(d, 'k', answer)).toEqual({ asked: 1, stores: before });
  // another question is its own
  expect(await rememberedAnswer(d, 'other', answer)).toEqual({ asked: 2, stores: before });
  await d.run("INSERT INTO stores (name) VALUES ('s1')");
  // written since: asked again, and the new row counted
  expect(await rememberedAnswer(d, 'k', answer)).toEqual({ asked: 3, stores: before + 1 });
});

test('a failed answer is not remembered', async () => {
  db = await Database.open(':memory:');
  let asked = 0;
  const failing = async () => {
    asked++;
    throw new Error('no');
  };
  await expect(rememberedAnswer(db, 'k', failing)).rejects.toThrow('no');
  await expect(rememberedAnswer(db, 'k', failing)).rejects.toThrow('no');
  expect(asked).toBe(2);
});
