import { minorUnitSql, minorUnitsPerMajorSql } from './minor-unit-sql.ts';

/**
 * A charge split over rows in its currency's minor unit, so the shares add up to the charge exactly (largest
 * remainder, as `allocate` in src/domain/currencies.ts): each row gets its exact share rounded down to the minor
 * unit, and the units left over go one each to the rows with the largest remainders, ties to the first row in
 * `order`. 1,000 JPY over three equal weights is 334 + 333 + 333, never 333.33 three times (which no
 * answer can show) or 333 three times (which loses a yen).
 *
 * `rows` is a SELECT with the columns `alloc_total` (the charge, the same on every row of a group),
 * `alloc_weight` (the row's weight), `alloc_weights` (the group's weights summed, not 0) and `currency`;
 * the answer has its other columns and `allocated` (DECIMAL(38,10)).
 */
export function allocatedSql(rows: string, partition: readonly string[], order: readonly string[]): string {
  const group = `PARTITION BY ${partition.join(', ')}`;
  const perMajor = minorUnitsPerMajorSql('currency');
  // the exact share in minor units; DOUBLE is exact far beyond any charge's minor units, and a share a hair
  // below its true value only loses its floor to the remainder, which the leftover units give back
  const share = `CAST(round(alloc_total * ${perMajor}) AS DOUBLE) * CAST(alloc_weight AS DOUBLE) / CAST(alloc_weights AS DOUBLE)`;
  return `(
  SELECT * EXCLUDE (alloc_share, alloc_floor, alloc_units, alloc_total, alloc_weight, alloc_weights),
         CAST((alloc_floor + CASE WHEN row_number() OVER (${group} ORDER BY alloc_share - alloc_floor DESC, ${order.map((o) => `${o} NULLS LAST`).join(', ')})
                                 <= alloc_units - sum(alloc_floor) OVER (${group}) THEN 1 ELSE 0 END) * ${minorUnitSql('currency')} AS DECIMAL(38,10)) AS allocated
  FROM (SELECT *, floor(alloc_share) AS alloc_floor
        FROM (SELECT *, ${share} AS alloc_share, round(alloc_total * ${perMajor}) AS alloc_units FROM (${rows}) allocation_rows) shares) floors
)`;
}
