import type { DuckDBConnection } from '@duckdb/node-api';
import { marketplaces } from '../domain/marketplaces.ts';
import { canonicalSchema } from './migrations/001-canonical-schema.ts';
import { eventNotesAndBenchmarkOverrides } from './migrations/002-event-notes-and-benchmark-overrides.ts';
import { kpiPeriodsAndLocks } from './migrations/003-kpi-periods-and-locks.ts';
import { shipmentsAndPayouts } from './migrations/004-shipments-and-payouts.ts';
import { pricing } from './migrations/005-pricing.ts';
import { kpiLockHistory } from './migrations/006-kpi-lock-history.ts';
import { productImages } from './migrations/007-product-images.ts';
import { listings } from './migrations/008-listings.ts';
import { rollupState } from './migrations/009-rollup-state.ts';
import { importHistory } from './migrations/010-import-history.ts';
import { adBudgets, transactionPoints } from './migrations/011-ad-budgets.ts';
import { insertMissingMarketplace, transactionTaxColumns } from './migrations/012-every-marketplace.ts';
import { consumptionTaxSettings } from './migrations/013-consumption-tax.ts';
import { importMarketplaces } from './migrations/014-import-marketplaces.ts';
import { amazonSync } from './migrations/015-amazon-sync.ts';
import { marketFacts } from './migrations/016-market-facts.ts';
import { alerts } from './migrations/017-alerts.ts';
import { usersAndAudit } from './migrations/018-users.ts';
import { returnsReturnedAt } from './migrations/019-returns-placed-by-order.ts';
import { suppliersAndBatches } from './migrations/020-suppliers-and-batches.ts';
import { adsWorkbench } from './migrations/021-ads-workbench.ts';
import { channels } from './migrations/022-channels.ts';
import { syncErrorZh } from './migrations/023-sync-error-zh.ts';
import { alertScopes } from './migrations/024-alert-scopes.ts';
import { sellerFeedback } from './migrations/028-seller-feedback.ts';

/** Forward-only migrations, applied in order on open; each runs in its own transaction. */
interface Migration {
  version: number;
  name: string;
  apply: (db: DuckDBConnection) => Promise<void>;
}

const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'canonical schema',
    apply: async (db) => {
      await db.run(canonicalSchema);
      for (const m of marketplaces) {
        await db.run('INSERT INTO marketplaces VALUES ($1, $2, $3, $4, $5, $6::DECIMAL(6,4), $7)', [
          m.code, m.amazonId, m.salesChannel, m.currency, m.timeZone, m.vatRate, m.region,
        ]);
      }
      await db.run("INSERT INTO stores (name) VALUES ('default')");
    },
  },
  {
    version: 2,
    name: 'event notes in Chinese, benchmark overrides',
    apply: async (db) => {
      await db.run(eventNotesAndBenchmarkOverrides);
    },
  },
  {
    version: 3,
    name: 'KPI special periods and locked periods',
    apply: async (db) => {
      await db.run(kpiPeriodsAndLocks);
    },
  },
  {
    version: 4,
    name: 'first-leg shipments and payouts (profit)',
    apply: async (db) => {
      await db.run(shipmentsAndPayouts);
    },
  },
  {
    version: 5,
    name: 'pricing: product attributes, competitor prices, rules, suggestions and decisions',
    apply: async (db) => {
      await db.run(pricing);
    },
  },
  {
    version: 6,
    name: 'KPI lock versions: unlock with a reason, history of locks and unlocks',
    apply: async (db) => {
      await db.run(kpiLockHistory);
    },
  },
  {
    version: 7,
    name: 'product images: the products file may give each SKU an image URL',
    apply: async (db) => {
      await db.run(productImages);
    },
  },
  {
    version: 8,
    name: 'listings: the All Listings report (SKU, ASIN, title, image, price, quantity, status per marketplace)',
    apply: async (db) => {
      await db.run(listings);
    },
  },
  {
    version: 9,
    name: 'ASIN rollup state: what the derived rollup was built from',
    apply: async (db) => {
      await db.run(rollupState);
    },
  },
  {
    version: 10,
    name: 'import history: replaced rows kept with the import that removed them, undone imports',
    apply: async (db) => {
      await db.run(importHistory);
    },
  },
  {
    version: 11,
    name: 'SP budget report (budget, recommended budget, time in budget, estimated missed impressions, clicks and sales); transaction points',
    apply: async (db) => {
      await db.run(adBudgets);
      await db.run(transactionPoints);
    },
  },
  {
    version: 12,
    name: 'every Amazon marketplace: IE, EG and ZA added to databases created before them; transaction tax on shipping, gift wrap, promotions',
    apply: async (db) => {
      await db.run(transactionTaxColumns);
      for (const m of marketplaces) {
        await db.run(insertMissingMarketplace, [m.code, m.amazonId, m.salesChannel, m.currency, m.timeZone, m.vatRate, m.region]);
      }
    },
  },
  {
    version: 13,
    name: 'Japanese consumption tax: per store, revenue net of it or not, and the product lines at the reduced (food) rate',
    apply: async (db) => {
      await db.run(consumptionTaxSettings);
    },
  },
  {
    version: 14,
    name: 'one import, several marketplaces: the marketplaces a unified-account file was split into',
    apply: async (db) => {
      await db.run(importMarketplaces);
    },
  },
  {
    version: 15,
    name: 'Amazon sync: SP-API and Ads API connections (secrets sealed), sync state per store × marketplace × report type, schedule',
    apply: async (db) => {
      await db.run(amazonSync);
    },
  },
  {
    version: 16,
    name: 'the market around each ASIN: Best Sellers Rank per category and offers (Buy Box) per day',
    apply: async (db) => {
      await db.run(marketFacts);
    },
  },
  {
    version: 17,
    name: 'alerts: channels (sealed), rules, alerts, deliveries with retry state, watch keywords',
    apply: async (db) => {
      await db.run(alerts);
    },
  },
  {
    version: 18,
    name: 'users, sessions, API tokens and the append-only audit log',
    apply: async (db) => {
      await db.run(usersAndAudit);
    },
  },
  {
    version: 19,
    name: 'returns placed in the marketplace of their order: the instant of each return beside its day',
    apply: async (db) => {
      await db.run(returnsReturnedAt);
    },
  },
  {
    version: 20,
    name: 'purchasing: suppliers, purchase-order lines, batches, lead times per supplier × SKU (legs, MOQ, carton)',
    apply: async (db) => {
      await db.run(suppliersAndBatches);
    },
  },
  {
    version: 21,
    name: 'ads workbench: target ACoS, ads suggestions and their decisions',
    apply: async (db) => {
      await db.run(adsWorkbench);
    },
  },
  {
    version: 22,
    name: 'every channel: refunds per channel order (Shopify), beside the order items of every channel',
    apply: async (db) => {
      await db.run(channels);
    },
  },
  {
    version: 23,
    name: 'sync errors in Chinese beside English; Keepa ranks imported (sales_ranks.import_id)',
    apply: async (db) => {
      await db.run(syncErrorZh);
    },
  },
  {
    version: 24,
    name: 'alert rules scoped by parent ASIN, SKU, product line and tier; alerts acknowledged; failed imports kept',
    apply: async (db) => {
      await db.run(alertScopes);
    },
  },
  {
    version: 28,
    name: 'seller feedback (Feedback Manager report) beside reviews, without the rater e-mail',
    apply: async (db) => {
      await db.run(sellerFeedback);
    },
  },
];

export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;

export async function migrate(db: DuckDBConnection): Promise<number[]> {
  await db.run('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP DEFAULT current_timestamp)');
  const done = await db.runAndReadAll('SELECT version FROM schema_migrations');
  const applied = new Set(done.getRowObjectsJson().map((r) => Number(r.version)));
  const ran: number[] = [];
  for (const m of migrations) {
    if (applied.has(m.version)) continue;
    await db.run('BEGIN TRANSACTION');
    try {
      await m.apply(db);
      await db.run('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      await db.run('COMMIT');
    } catch (e) {
      await db.run('ROLLBACK');
      throw e;
    }
    ran.push(m.version);
  }
  return ran;
}
