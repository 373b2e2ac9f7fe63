/** English labels; zh-CN.ts has the same keys (its type is checked against this one). */
export const en = {
  app: { title: 'Asterism', tagline: 'Operations cockpit for Amazon sellers', language: 'Language' },
  nav: { overview: 'Overview', funnel: 'Funnel', diagnosis: 'Diagnosis', reports: 'Reports', data: 'Data' },
  filters: {
    store: 'Store', marketplace: 'Marketplace', from: 'From', to: 'To', compare: 'Compare to', currency: 'Currency',
    all: 'All', original: 'Original currencies', none: 'No comparison', wow: 'Week over week', mom: 'Month over month', yoy: 'Year over year',
    timezone: 'Dates', siteTime: 'Site time', beijingTime: 'Beijing time',
  },
  common: { loading: 'Loading…', error: 'Could not load: {{message}}', vsPrevious: 'vs {{from}} – {{to}}', noCompare: 'no comparison' },
  empty: {
    title: 'Nothing imported yet',
    body: 'Import the reports you download from Seller Central: the Business Report (by child item, by date), Sponsored Products reports and the Brand Analytics Search Catalog Performance report give the overview and the funnel.',
    command: 'From a terminal: {{command}}',
    demo: 'Or try the demo data: {{command}}',
    period: 'No data in this period for this selection. Widen the dates or clear a filter.',
  },
  overview: { title: 'Overview', trend: 'Sales and sessions by week', events: 'Events' },
  funnel: {
    title: 'Funnel', asin: 'ASIN', stage: 'Stage', count: 'Count', rate: 'Rate', benchmark: 'Benchmark', status: 'Status',
    source: 'Source', tier: 'Lifecycle tier', weakest: 'Weakest stage', noWeak: 'Every stage with data is within its benchmark.',
    stages: { exposure: 'Exposure', click: 'Click', cart: 'Add to cart', order: 'Order', review: 'Review', repeat: 'Repeat' },
    statuses: { ok: 'OK', low: 'Low', high: 'High', unknown: 'Unknown' },
    sources: { scp: 'Brand Analytics (SCP)', sqp: 'Brand Analytics (SQP)', ads_only: 'Ads and Business Report only' },
  },
  diagnosis: {
    title: 'Diagnosis', none: 'No stage is below its benchmark in this period.', evidence: 'Evidence', actions: 'What to try',
    confounders: 'Events in the period (may explain the change)', severity: { critical: 'Critical', warning: 'Warning', info: 'Info' },
    value: 'Value', benchmark: 'Benchmark', trailing: 'previous 8 weeks', benchmarkLow: 'benchmark low',
  },
  data: {
    title: 'Data', history: 'Import history', file: 'File', type: 'Report', store: 'Store', marketplace: 'Marketplace',
    period: 'Period', rows: 'Rows', importedAt: 'Imported at', upload: 'Upload',
    uploadLater: 'Uploading from the browser is coming. For now import from a terminal: {{command}}',
    drop: 'Drop report files here, or click to choose them', uploading: 'Importing…',
    uploadHint: 'Each report is recognised from its content. A Business Report by child item has no dates: give From and To. A file that fails writes nothing.',
    result: 'Result', error: 'Error',
    option: { store: 'Store', marketplace: 'Marketplace (if the file does not say)', from: 'From', to: 'To', date: 'Snapshot day' },
    status: { imported: 'Imported', unchanged: 'Already imported', error: 'Refused' },
  },
  reports: {
    title: 'Daily, weekly and monthly reviews', kind: 'Report', period: 'Period', owner: 'Owner', lang: 'Language', format: 'Format',
    kinds: { daily: 'Daily report (one owner)', weekly: 'Weekly review', monthly: 'Monthly review' },
    periodHint: { daily: '2026-10-15 (default: latest day)', weekly: '2026-W42 (default: last full week)', monthly: '2026-10 (default: last full month)' },
    ownerRequired: 'The daily report needs an owner from the products file', ownerOptional: 'all owners',
    hint: 'Store, marketplace and currency follow the filters above. HTML and PDF have the charts; XLSX keeps numbers as numbers.',
    download: 'Download', preview: 'Preview',
  },
};

export type Messages = typeof en;
