/**
 * The operations table's types as the API serves them: what each operation takes and answers
 * (`POST /api/ops/<name>` and the routes built on it). The dashboard (web/) imports these types from
 * here, since it may reach the server through types only (docs/architecture.md, the layer table).
 */
export type { OperationInput, OperationName, OperationOutput } from '../app/operations.ts';
