/** The import framework's public face: what the CLI, server and other code call. See README.md. */
export { checkOptions as checkImportOptions, importFiles, type FileResult, type ImportProgress } from './import-files.ts';
export { resultIn } from './file-result.ts';
export type { ReadingProgress } from './import-large.ts';
export { listSources, type SourceEntry } from './sources.ts';
export { reportFamilies, familyByType } from './registry.ts';
export { adTypeOptions, type AdTypeOption, type ImportOptions, type ReportFamily } from './family.ts';
export { masterDataKinds, masterDataTemplate, type MasterKind } from './master-data/index.ts';
export { listImports, type ImportEntry } from './import-list.ts';
export { undoImport, type UndoResult } from './import-undo.ts';
