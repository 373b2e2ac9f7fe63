/**
 * A sync error in both languages (issue 18): `last_error` keeps the English text (the `sync status --json` contract),
 * `last_error_zh` the Chinese, so `sync status --lang zh` and the Data page in Chinese show the reason in Chinese.
 */
export const syncErrorZh = `
ALTER TABLE sync_state ADD COLUMN last_error_zh VARCHAR;
`;
