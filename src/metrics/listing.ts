import { catalog, type MetricDefinition } from './catalog.ts';

/** The catalog as the CLI contract lists it (`asterism metrics --json`). */
export interface MetricListing {
  id: string;
  name_en: string;
  name_zh: string;
  unit: MetricDefinition['unit'];
  format: MetricDefinition['format'];
  direction: MetricDefinition['direction'];
  kind: MetricDefinition['kind'];
  sensitive: boolean;
  aggregation: MetricDefinition['aggregation']['kind'];
  formula: string;
  basis: string | null;
  /** the roles that can move it (SPEC §5); null when none is declared */
  roles: string[] | null;
}

export function listMetrics(options: { includeInternal?: boolean } = {}): MetricListing[] {
  return catalog
    .filter((m) => options.includeInternal || !m.internal)
    .map((m) => ({
      id: m.id, name_en: m.en, name_zh: m.zh, unit: m.unit, format: m.format, direction: m.direction, kind: m.kind,
      sensitive: m.sensitive, aggregation: m.aggregation.kind, formula: m.formula, basis: m.basis ?? null, roles: m.roles && [...m.roles],
    }));
}
