/**
 * What changed between two locked versions of a period's review (SPEC §5: a restatement is shown,
 * never silent). Rows are matched by what the target is (KPI, scope, owner, role), not by position:
 * a re-lock may come with a changed targets file.
 */
export interface VersionedRow {
  kpi: string;
  scope: Record<string, string>;
  owner: string | null;
  role: string | null;
  target: number;
  actual: number | null;
  attainment: number | null;
  status: string;
}

export type ComparedField = 'target' | 'actual' | 'attainment' | 'status';
const compared: readonly ComparedField[] = ['target', 'actual', 'attainment', 'status'];

export interface RowChange {
  kpi: string;
  scope: Record<string, string>;
  owner: string | null;
  role: string | null;
  /** `changed`: in both versions with a different value; `added` / `removed`: in one version only */
  change: 'changed' | 'added' | 'removed';
  fields: ComparedField[];
  before: Pick<VersionedRow, ComparedField> | null;
  after: Pick<VersionedRow, ComparedField> | null;
}

const keyOf = (r: VersionedRow) => JSON.stringify([r.kpi, Object.entries(r.scope).sort(), r.owner, r.role]);
const pick = (r: VersionedRow) => ({ target: r.target, actual: r.actual, attainment: r.attainment, status: r.status });

/** The rows whose target, actual, attainment or status differ between `before` and `after`, in `after`'s order then removed ones. */
export function diffVersions(before: readonly VersionedRow[], after: readonly VersionedRow[]): RowChange[] {
  const old = new Map(before.map((r) => [keyOf(r), r]));
  const seen = new Set<string>();
  const changes: RowChange[] = [];
  const ident = (r: VersionedRow) => ({ kpi: r.kpi, scope: r.scope, owner: r.owner, role: r.role });
  for (const r of after) {
    const k = keyOf(r);
    seen.add(k);
    const was = old.get(k);
    if (!was) {
      changes.push({ ...ident(r), change: 'added', fields: [...compared], before: null, after: pick(r) });
      continue;
    }
    const fields = compared.filter((f) => was[f] !== r[f]);
    if (fields.length) changes.push({ ...ident(r), change: 'changed', fields, before: pick(was), after: pick(r) });
  }
  for (const r of before) {
    if (!seen.has(keyOf(r))) changes.push({ ...ident(r), change: 'removed', fields: [...compared], before: pick(r), after: null });
  }
  return changes;
}
