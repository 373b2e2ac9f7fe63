import type { Messages } from './en.ts';

/** 简体中文（默认语言，中文浏览器优先）。 */
export const zhCN: Messages = {
  app: { title: '联星 Asterism', tagline: '亚马逊卖家运营驾驶舱', language: '语言' },
  nav: { overview: '总览', funnel: '漏斗', diagnosis: '诊断', reports: '报告', data: '数据' },
  filters: {
    store: '店铺', marketplace: '站点', from: '开始', to: '结束', compare: '对比', currency: '币种',
    all: '全部', original: '原币种', none: '不对比', wow: '周环比', mom: '月环比', yoy: '年同比',
    timezone: '日期', siteTime: '站点时间', beijingTime: '北京时间',
  },
  common: { loading: '加载中……', error: '加载失败：{{message}}', vsPrevious: '对比 {{from}} 至 {{to}}', noCompare: '未对比' },
  empty: {
    title: '还没有导入数据',
    body: '请导入从卖家后台下载的报表：业务报告（按子商品、按日期）、商品推广（SP）报表和品牌分析的搜索目录表现（SCP）报表，即可看到总览和漏斗。',
    command: '在终端运行：{{command}}',
    demo: '或者先试试演示数据：{{command}}',
    period: '所选范围在这段时间没有数据。请放宽日期或清除筛选条件。',
  },
  overview: { title: '总览', trend: '每周销售额与会话数', events: '事件' },
  funnel: {
    title: '漏斗', asin: 'ASIN', stage: '环节', count: '数量', rate: '转化率', benchmark: '基准', status: '状态',
    source: '数据来源', tier: '生命周期', weakest: '最薄弱环节', noWeak: '有数据的环节都在基准范围内。',
    stages: { exposure: '曝光', click: '点击', cart: '加购', order: '下单', review: '留评', repeat: '复购' },
    statuses: { ok: '正常', low: '偏低', high: '偏高', unknown: '未知' },
    sources: { scp: '品牌分析（SCP）', sqp: '品牌分析（SQP）', ads_only: '仅广告与业务报告' },
  },
  diagnosis: {
    title: '诊断', none: '这段时间没有低于基准的环节。', evidence: '证据', actions: '建议尝试',
    confounders: '期间发生的事件（可能影响结果）', severity: { critical: '严重', warning: '警告', info: '提示' },
    value: '数值', benchmark: '基准', trailing: '前8周', benchmarkLow: '基准下限',
  },
  data: {
    title: '数据', history: '导入记录', file: '文件', type: '报表类型', store: '店铺', marketplace: '站点',
    period: '数据期间', rows: '行数', importedAt: '导入时间', upload: '上传',
    uploadLater: '浏览器上传即将上线。目前请在终端导入：{{command}}',
    drop: '把报表文件拖到这里，或点击选择', uploading: '正在导入……',
    uploadHint: '按内容自动识别报表类型。子ASIN业务报告不含日期，请填写开始和结束日期。导入失败的文件不会写入任何数据。',
    result: '结果', error: '错误',
    option: { store: '店铺', marketplace: '站点（文件未注明时）', from: '开始', to: '结束', date: '快照日期' },
    status: { imported: '已导入', unchanged: '已导入过', error: '已拒绝' },
  },
  reports: {
    title: '运营日报、周报、月报', kind: '报告', period: '期间', owner: '运营负责人', lang: '语言', format: '格式',
    kinds: { daily: '运营日报（按负责人）', weekly: '周复盘', monthly: '月复盘' },
    periodHint: { daily: '2026-10-15（默认：最近一天）', weekly: '2026-W42（默认：上一个完整周）', monthly: '2026-10（默认：上一个完整月）' },
    ownerRequired: '日报需要填写产品表中的运营负责人', ownerOptional: '全部负责人',
    hint: '店铺、站点和币种沿用上方筛选。HTML 和 PDF 含图表；XLSX 中数字保持为数字。',
    download: '下载', preview: '预览',
  },
};
