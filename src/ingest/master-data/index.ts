/** Master data's public face for the CLI and server: import a file, write a template. */
export { masterDataKinds, masterDataTemplate } from './template.ts';
export { isMasterDataFamily, masterDataFamilies } from './family.ts';
export type { MasterKind } from './columns.ts';
