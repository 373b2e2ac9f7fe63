// The comparison periods live in domain (the metric layer compares too); re-exported for analysis' callers.
export { previousPeriod, type Comparison } from '../domain/compared-period.ts';
