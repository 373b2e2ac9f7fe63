/** English labels; zh-CN.ts has the same keys (its type is checked against this one). */
export const en = {
  app: { title: 'Asterism', tagline: 'Operations cockpit for Amazon sellers', language: 'Language' },
  nav: { overview: 'Overview', funnel: 'Funnel', diagnosis: 'Diagnosis', reports: 'Reports', profit: 'Profit', pricing: 'Pricing', data: 'Data' },
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
  profit: {
    title: 'Profit per SKU', basis: 'Basis', bases: { order: 'By order date', posted: 'By posted date (cash)' },
    waterfall: 'from revenue to net profit', missing: 'No data (counted 0)', estimated: 'estimated', notes: 'Notes',
    estimatedNote: 'Includes orders not settled yet: their fees are estimated (fee preview or fee tables).',
    costEntry: 'Enter a cost', costSave: 'Save', costSaved: 'Saved: {{sku}} from {{from}}, {{cost}} {{currency}}',
    cost: {
      sku: 'Seller SKU or product code', effective_from: 'Effective from', currency: 'Currency', unit_cost: 'Unit cost',
      freight_per_unit: 'First-leg freight per unit', duty_rate: 'Duty rate (0.25 = 25%)', marketplace: 'Marketplace (empty: all)', store: 'Store',
    },
    basisNote: {
      order: 'Fees and costs are dated by the order they belong to (matched by order id); unsettled orders are estimated.',
      posted: 'Cash view: every amount on the day Amazon posted it.',
    },
  },
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
  pricing: {
    title: 'Pricing', status: 'Show', user: 'Your name', note: 'Why (note)', approve: 'Approve', reject: 'Reject', estimated: 'est.',
    none: 'No suggestions here. Make one from a terminal: ',
    statuses: { pending: 'Waiting for approval', approved: 'Approved', rejected: 'Rejected' },
    columns: { id: '#', sku: 'SKU', current: 'Current', breakEven: 'Break-even', target: 'Target margin', competitor: 'Competitor', suggested: 'Suggested', rules: 'Bounded by', decision: 'Decision' },
    rules: { floor: 'Floor', ceiling: 'Ceiling', map: 'MAP', max_step: 'Max step', fx_buffer: 'FX buffer' },
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
    hint: 'Store and marketplace follow the filters above. HTML and PDF have the charts; XLSX keeps numbers as numbers.',
    download: 'Download', preview: 'Preview',
  },
};

export type Messages = typeof en;
