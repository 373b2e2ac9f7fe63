import { say } from '../../domain/messages.ts';
import { AsterismError } from '../../domain/errors.ts';
import type { Command } from 'commander';
import type { AsterismApi } from '../../app/asterism-api.ts';
import { outputMode, renderTable } from '../output.ts';
import { defined, withApi } from '../with-api.ts';

const eventColumns = ['id', 'date', 'end_date', 'type', 'asin', 'marketplace', 'store', 'origin', 'note'];
const benchmarkColumns = ['metric', 'marketplace', 'tier', 'category', 'price_band', 'variant', 'low', 'high', 'note', 'updated_at'];

function print(json: boolean | undefined, answer: object, columns: string[], rows: object[]): void {
  if (outputMode({ json }) === 'json') console.log(JSON.stringify(answer));
  else console.log(renderTable(columns, rows as Record<string, string>[]));
}

/** a number (0.25) or a percentage (25%) */
function bound(text: string | undefined, flag: string): number | null | undefined {
  if (text === undefined) return undefined;
  if (text === '' || text === 'none') return null;
  const n = Number(text.replace(/%$/, '')) / (text.endsWith('%') ? 100 : 1);
  if (!Number.isFinite(n)) throw new AsterismError('bad_request', say('not_a_number_option', { what: flag, value: text, example: { en: '0.08 or 8%', zh: '0.08 或 8%' } }));
  return n;
}

export function eventsCommands(program: Command, open: () => Promise<AsterismApi>): void {
  const events = program.command('events').description('coupons, deals, price and image changes, stock-outs … / 事件');
  events.command('add')
    .description('enter an event')
    .requiredOption('--date <date>', 'first day, YYYY-MM-DD').option('--end-date <date>', 'last day')
    .requiredOption('--type <type>', 'coupon deal price_change image_change title_change stockout competitor other')
    .option('--asin <asin>').option('--marketplace <code>').option('--store <name>').option('--note <text>').option('--json')
    .action((o: { date: string; endDate?: string; type: string; asin?: string; marketplace?: string; store?: string; note?: string; json?: boolean }) =>
      withApi(open, async (api) => {
        const answer = await api.run('events_add', defined({ date: o.date, end_date: o.endDate, type: o.type, asin: o.asin, marketplace: o.marketplace, store: o.store, note: o.note }));
        print(o.json, answer, eventColumns, [answer.event]);
      }));
  for (const [name, op] of [['list', 'events_list'], ['detect', 'events_detect']] as const) {
    events.command(name)
      .description(name === 'list' ? 'list imported, entered and detected events' : 'detect events in the data (price changes, stock-outs, Buy Box drops, coupons, ad spend jumps, review spikes)')
      .option('--from <date>').option('--to <date>').option('--store <name>').option('--marketplace <code>').option('--asin <asin>')
      .option('--origin <origin>', 'imported, entered or detected (list only)').option('--json')
      .action((o: { from?: string; to?: string; store?: string; marketplace?: string; asin?: string; origin?: string; json?: boolean }) => withApi(open, async (api) => {
        const filter = defined({ from: o.from, to: o.to, store: o.store, marketplace: o.marketplace, asin: o.asin, ...(op === 'events_list' ? { origin: o.origin } : {}) });
        const answer = await api.run(op, filter);
        print(o.json === true, answer, eventColumns, answer.events);
      }));
  }
}

export function benchmarksCommands(program: Command, open: () => Promise<AsterismApi>): void {
  const benchmarks = program.command('benchmarks').description('overrides of the default benchmark table / 基准');
  const key = (c: Command) => c.requiredOption('--metric <id>').option('--marketplace <code>').option('--tier <tier>', 'new, mature or clearance')
    .option('--category <name>').option('--price-band <band>').option('--variant <variant>').option('--json');
  type KeyOptions = { metric: string; marketplace?: string; tier?: string; category?: string; priceBand?: string; variant?: string; json?: boolean };
  const keyOf = (o: KeyOptions) => defined({ metric: o.metric, marketplace: o.marketplace, tier: o.tier, category: o.category, price_band: o.priceBand, variant: o.variant });
  benchmarks.command('list').option('--json').action((o: { json?: boolean }) => withApi(open, async (api) => {
    const answer = await api.run('benchmarks_list', {});
    print(o.json, answer, benchmarkColumns, [...answer.overrides]);
  }));
  key(benchmarks.command('set').description('set low/high bounds (0.08 or 8%)')).option('--low <n>').option('--high <n>').option('--note <text>')
    .action((o: KeyOptions & { low?: string; high?: string; note?: string }) => withApi(open, async (api) => {
      const answer = await api.run('benchmarks_set', { ...keyOf(o), ...defined({ low: bound(o.low, '--low'), high: bound(o.high, '--high'), note: o.note }) });
      print(o.json, answer, benchmarkColumns, [answer.override]);
    }));
  key(benchmarks.command('remove')).action((o: KeyOptions) => withApi(open, async (api) => {
    const answer = await api.run('benchmarks_remove', keyOf(o));
    print(o.json, answer, benchmarkColumns, [answer.removed]);
  }));
}
