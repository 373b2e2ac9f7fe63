/**
 * The one message catalog: every import problem and every user-facing error, in English and Chinese,
 * as templates with named parameters (`{line}`). A parameter may itself be a pair of texts (a report's
 * name, what a value should look like): each language takes its own.
 */
export type Lang = 'en' | 'zh';
export interface Texts {
  en: string;
  zh: string;
}
export type MessageParam = string | number | Texts;

export const messages = {
  // reading a file
  unknown_report: {
    en: 'not a report Asterism knows: no header line among the first {depth} lines matches one (line {line} reads "{value}"); known reports: {known}',
    zh: '不是联星认识的报表：前 {depth} 行中没有一行是已知报表的表头（第 {line} 行为“{value}”）；已知报表：{known}',
  },
  unknown_report_closest: {
    en: 'not a report Asterism knows: no header line among the first {depth} lines matches one; line {line} looks closest to {report} ({shared} of its columns) but lacks {lacking}, and has columns it does not read: {unknown}',
    zh: '不是联星认识的报表：前 {depth} 行中没有一行是已知报表的表头；第 {line} 行最接近{report}（有其中 {shared} 列），但缺少 {lacking}，并有它不读取的列：{unknown}',
  },
  unknown_json: { en: 'a JSON document Asterism does not know; known reports: {known}', zh: '联星不认识这个 JSON 文档；已知报表：{known}' },
  bad_json: { en: 'not valid JSON: {reason}', zh: '不是有效的 JSON：{reason}' },
  unreadable: { en: 'cannot read {file}: {reason}', zh: '无法读取 {file}：{reason}' },
  corrupt_file: {
    en: '{file} is damaged and cannot be opened ({reason}): nothing was imported from it; download it again',
    zh: '{file} 已损坏，无法打开（{reason}）：未导入任何内容；请重新下载',
  },
  missing_column: {
    en: '{report}: required column {column} is missing from the header on line {line}',
    zh: '{report}：第 {line} 行的表头缺少必需的列 {column}',
  },
  empty_column: {
    en: '{report}: column "{column}" (header on line {line}) is empty on all {rows} rows, but the report always fills it: the file looks damaged or edited; download it again',
    zh: '{report}：列“{column}”（表头在第 {line} 行）在全部 {rows} 行中都是空的，而该报表总会填写此列：文件似乎已损坏或被改动；请重新下载',
  },
  empty_column_warning: {
    en: '{report}: column "{column}" (header on line {line}) is empty on all {rows} rows: its values are unknown, not 0',
    zh: '{report}：列“{column}”（表头在第 {line} 行）在全部 {rows} 行中都是空的：这些值按未知处理，而不是 0',
  },
  absent_column_warning: {
    en: '{report}: the file has no column {column}: its values are unknown, not 0',
    zh: '{report}：文件没有 {column} 列：这些值按未知处理，而不是 0',
  },
  truncated: {
    en: 'the file ends in the middle of line {line} ({cells} of {columns} columns): it looks cut off; download it again',
    zh: '文件在第 {line} 行中间结束（{columns} 列中只有 {cells} 列）：似乎被截断了；请重新下载',
  },
  truncated_large: {
    en: 'the file ends in the middle of its last line: it looks cut off; download it again',
    zh: '文件在最后一行中间结束：似乎被截断了；请重新下载',
  },
  line_too_long: {
    en: 'line {line} is {length} bytes long ("{value}"): no report line is that long; the file looks damaged',
    zh: '第 {line} 行长达 {length} 字节（“{value}”）：报表中不会有这么长的行；文件似乎已损坏',
  },
  // values
  bad_value: { en: 'line {line}, column "{column}": "{value}" is not {expected}', zh: '第 {line} 行，列“{column}”：“{value}”不是{expected}' },
  bad_value_reason: { en: 'line {line}, column "{column}": {reason}', zh: '第 {line} 行，列“{column}”：{reason}' },
  bad_json_value: { en: '{path}: {value} is not {expected}', zh: '{path}：{value}不是{expected}' },
  bad_value_bulk: {
    en: 'line {line}, column "{column}": "{value}" is not {expected}; nothing was written',
    zh: '第 {line} 行，列“{column}”：“{value}”不是{expected}；未写入任何内容',
  },
  odd_identifier: {
    en: 'line {line}, column "{column}": "{value}" does not look like {expected} (kept as given; later rows are not checked again)',
    zh: '第 {line} 行，列“{column}”：“{value}”看起来不像{expected}（按原样保留；之后的行不再逐一提示）',
  },
  value_required: { en: 'line {line}, column "{column}": a value is required here', zh: '第 {line} 行，列“{column}”：此处必须有值' },
  formula_value: {
    en: 'line {line}, column "{column}": "{value}" is a spreadsheet formula, not {expected}',
    zh: '第 {line} 行，列“{column}”：“{value}”是电子表格公式，不是{expected}',
  },
  value_too_long: {
    en: 'line {line}, column "{column}": the value is {length} characters long ("{value}"); {expected} has at most {max}',
    zh: '第 {line} 行，列“{column}”：值长达 {length} 个字符（“{value}”）；{expected}最多 {max} 个字符',
  },
  control_characters: {
    en: 'line {line}, column "{column}": "{value}" holds control characters, which {expected} never has',
    zh: '第 {line} 行，列“{column}”：“{value}”含有控制字符，{expected}不会含有控制字符',
  },
  // a file too big or damaged to read
  too_large_whole: {
    en: '{what} larger than {limit} cannot be read whole: split it (e.g. by date range)',
    zh: '大于 {limit} 的{what}无法整体读取：请拆分（例如按日期范围）',
  },
  too_large_master_data: {
    en: '{report} files above {limit} are not read: split it',
    zh: '大于 {limit} 的{report}文件不读取：请拆分',
  },
  too_compressed: {
    en: 'the gzip file inflates to more than {limit} (over {ratio}× its {size}): refused as a possible zip bomb',
    zh: '该 gzip 文件解压后超过 {limit}（超过其 {size} 的 {ratio} 倍）：疑似压缩炸弹，已拒绝',
  },
  bad_gzip: {
    en: 'the gzip file is damaged or cut short ({reason}): download it again',
    zh: '该 gzip 文件已损坏或不完整（{reason}）：请重新下载',
  },
  no_rows: { en: 'the report has a header but no rows: nothing to import', zh: '报表只有表头、没有数据行：没有可导入的内容' },
  no_dated_rows: { en: 'the file has no dated rows', zh: '文件中没有带日期的行' },
  split_unplaced: {
    en: '{count} line(s) name no marketplace and {which}: give --marketplace for the lines that name none',
    zh: '{count} 行未写明站点，{which}：请用 --marketplace 指定这些行所属的站点',
  },
  split_currency_ambiguous: {
    en: "their currency {currency} is that of several of the file's marketplaces or of none ({marketplaces})",
    zh: '其币种 {currency} 对应文件中的多个站点或不对应任何站点（{marketplaces}）',
  },
  split_no_currency: { en: 'they name no currency (the file names {marketplaces})', zh: '也未写明币种（文件中的站点：{marketplaces}）' },
  returns_order_unknown: {
    en: '{count} return(s) name an order not imported for this store: the report names no marketplace, so they stay under {marketplace} (import the All Orders files of the other marketplaces first to place them)',
    zh: '{count} 条退货的订单未在此店铺导入：报告未写明站点，故仍归入 {marketplace}（先导入其他站点的全部订单报告即可归位）',
  },
  returns_need_marketplace: {
    en: '{count} return(s) name an order not imported for this store, and the report names no marketplace: import the All Orders files first, or give --marketplace',
    zh: '{count} 条退货的订单未在此店铺导入，且报告未写明站点：请先导入全部订单报告，或指定 --marketplace',
  },
  settlement_counted: {
    en: "{count} payments report line(s) in {marketplaces} are covered by an imported settlement: profit counts the settlement's lines for them, not these",
    zh: '{marketplaces} 有 {count} 行付款报告交易已被导入的结算报告覆盖：利润按结算报告的行计算，这些行不重复计入',
  },
  split_per_marketplace: { en: '{file}: split per marketplace: {parts}', zh: '{file}：已按站点拆分：{parts}' },
  skipped_channel_rows: {
    en: '{file}: {count} row(s) of sales channel {channel} skipped (not sold on an Amazon marketplace)',
    zh: '{file}：跳过销售渠道 {channel} 的 {count} 行（非亚马逊站点的销售）',
  },
  money_conserved: {
    en: "{file}: the profit categories sum to the file's total {total} {currency} to the cent",
    zh: '{file}：各利润类别之和等于文件总额 {total} {currency}，分毫不差',
  },
  money_not_conserved: {
    en: "{file}: the profit categories miss {difference} {currency} of the file's total {total} {currency}",
    zh: '{file}：各利润类别之和与文件总额 {total} {currency} 相差 {difference} {currency}',
  },
  unclassified_counted: {
    en: '; {count} unclassified line(s), {amount} {currency}, counted in other fees',
    zh: '；{count} 行未分类（{amount} {currency}，计入其他费用）',
  },
  tax_revenue_expected: { en: '--revenue "{value}": expected net or gross', zh: '--revenue "{value}"：应为 net 或 gross' },
  settlement_total: {
    en: 'settlement {id}: its lines sum to {lines} {currency} but its total-amount is {total}',
    zh: '结算 {id}：各行之和为 {lines} {currency}，但结算总额（total-amount）为 {total}',
  },
  settlement_bad_date: {
    en: 'line {line}, column "{column}": "{value}" is not a date such as "2023-01-03 10:00:00 UTC", "2026-02-03" or "03.01.2023"',
    zh: '第 {line} 行“{column}”列：“{value}”不是可识别的日期（例如 "2023-01-03 10:00:00 UTC"、"2026-02-03" 或 "03.01.2023"）',
  },
  line_has_no_date: { en: 'line {line}, column "{column}": the line has no date', zh: '第 {line} 行“{column}”列：该行没有日期' },
  mixed_currencies: { en: 'the file mixes currencies: split it by marketplace', zh: '文件中混有多种币种：请按站点拆分' },
  bad_posted_time: {
    en: 'line {line}, column "{column}": "{value}" is not a time such as "Feb 1, 2020 12:24:25 AM PST", "30.10.2018 23:23:19 GMT+00:00", "05/giu/2014 15.40.20 GMT+00.00", "5 mei 2026 20:16:37 UTC" or "2020/02/01 00:24:25 JST"; if Seller Central wrote it so, please report it with this line',
    zh: '第 {line} 行，列“{column}”：“{value}”不是可识别的时间（例如 "Feb 1, 2020 12:24:25 AM PST"、"30.10.2018 23:23:19 GMT+00:00"、"05/giu/2014 15.40.20 GMT+00.00"、"5 mei 2026 20:16:37 UTC" 或 "2020/02/01 00:24:25 JST"）；如果卖家后台就是这样写的，请连同这一行反馈给我们',
  },
  missing_date_columns: {
    en: '{report}: the file has neither a "Date" column nor "Start Date" and "End Date": download it again with a time unit (Daily or Summary)',
    zh: '{report}：文件既没有“Date”列，也没有“Start Date”和“End Date”列：请选择时间单位（Daily 或 Summary）重新下载',
  },
  row_without_date: { en: 'line {line}, column "{column}": the row has no date', zh: '第 {line} 行，列“{column}”：该行没有日期' },
  entry_without_date: {
    en: 'entry {line} has no "date" (DAILY) or "startDate"/"endDate" (SUMMARY)',
    zh: '第 {line} 条记录没有“date”（DAILY）或“startDate”/“endDate”（SUMMARY）',
  },
  id_too_long: {
    en: 'entry {line} ("{column}"): the id {value} is longer than a JSON number can hold exactly; its last digits are lost',
    zh: '第 {line} 条记录（“{column}”）：编号 {value} 超出 JSON 数字能精确表示的长度，末尾几位已丢失',
  },
  missing_field: { en: '{path} is missing: {reason}', zh: '缺少 {path}：{reason}' },
  missing_list: { en: 'the report has no "{path}" list{hint}', zh: '报表中没有“{path}”列表{hint}' },
  missing_column_named: {
    en: '{report}: required column {column} is missing from the header{where}',
    zh: '{report}：表头缺少必需的列 {column}{where}',
  },
  not_this_report: { en: 'not {report}', zh: '不是{report}' },
  unclear_ads_api_type: {
    en: 'this Ads API v3 report does not say whether it is Sponsored Brands or Sponsored Display: its metric names fit both. Give --ad-type sb or --ad-type sd, or request it again with a column only one of them has (Sponsored Display: promotedAsin or bidOptimization; Sponsored Brands: newToBrandPurchases), or with the 7d/14d columns of Sponsored Products',
    zh: '此广告 API v3 报告没有说明是品牌推广还是展示型推广：它的指标名两者都符合。请用 --ad-type sb 或 --ad-type sd 指明，或重新请求时加入只属于其中一种的列（展示型推广：promotedAsin 或 bidOptimization；品牌推广：newToBrandPurchases），或商品推广的 7d/14d 列',
  },
  performance_over_time: {
    en: 'the "Performance over time" report holds only daily clicks, CPC and spend for the whole account: no impressions, sales or campaigns, so ACoS and the ads funnel cannot use it, and loading its spend beside a campaign report would count it twice. Download the Sponsored Products Campaign report (time unit Daily) for the same days instead',
    zh: '“Performance over time”报告只有整个账户每天的点击、CPC 和花费：没有曝光、销售额和广告活动，ACoS 和广告漏斗无法使用它，与广告活动报告一起导入还会重复计算花费。请改为下载同一日期的商品推广广告活动报告（时间单位选 Daily）',
  },
  bulk_sheet: {
    en: 'a bulk sheet is a file for editing campaigns (budgets, bids, keywords), one sheet per record type; its performance totals cover a range the file does not state and mix campaign, ad group and keyword rows. Import the Sponsored Products reports (search term, targeting, advertised product, campaign) instead',
    zh: '批量表格是用来编辑广告活动（预算、竞价、关键词）的文件，每种记录一个工作表；其中的绩效合计所覆盖的时间范围文件里没有写明，而且混有广告活动、广告组和关键词行。请改为导入商品推广报告（搜索词、投放、推广商品、广告活动）',
  },
  kaggle_sale_report: {
    en: 'this is the Kaggle "Amazon Sale Report" data set, not an Amazon download: it has no order times, reworded statuses and often no SKU or ASIN. Download the All Orders report instead (Seller Central → Reports → Fulfillment → All Orders, or SP-API GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL)',
    zh: '这是 Kaggle 的“Amazon Sale Report”数据集，不是从亚马逊下载的文件：没有下单时间，状态被改写，常常也没有 SKU 或 ASIN。请改为下载“所有订单”报告（卖家后台 → 报告 → 库存和销售报告 → 所有订单，或 SP-API GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL）',
  },
  campaign_manager_products: {
    en: 'Campaign Manager products export is recognised but not imported: it totals each product over all campaigns and ad types (SP, SB, SD) without dates, campaigns or ad type, so its spend could not be placed in a day or an ad type and would count twice beside the advertised product report. Download the Sponsored Products advertised product report (Measurement & Reporting → Sponsored ads reports, daily) instead',
    zh: '已识别为广告活动管理器的商品导出，但不导入：它按商品汇总所有广告活动和广告类型（SP、SB、SD），没有日期、广告活动和广告类型，花费无法归入某天或某种广告，且会与推广商品报告重复计算。请改为下载商品推广的推广商品报告（衡量和报告 → 广告报告，按天）',
  },
  campaign_manager_ad_group: {
    en: "this Campaign Manager export lists one ad group's products, keywords or search terms without naming the ad group or its campaign or the dates it covers. Download the Sponsored Products advertised product, targeting or search term report (Measurement & Reporting → Sponsored ads reports) instead: it covers every campaign, day by day",
    zh: '这个广告活动管理器导出只列出某个广告组的商品、关键词或搜索词，却没有写明广告组、所属广告活动和日期范围。请改为下载商品推广的推广商品、投放或搜索词报告（衡量和报告 → 广告报告）：它按天覆盖所有广告活动',
  },
  sqp_brand_view: {
    en: 'this is the Brand View of Search Query Performance, which has no ASIN: download the ASIN View instead',
    zh: '这是搜索查询绩效报告的品牌视图，没有 ASIN：请改为下载 ASIN 视图',
  },
  sqp_missing_header: {
    en: 'the line after the metadata line should be the column header ("Search Query,Search Query Score,…")',
    zh: '元数据行之后应是列标题行（“Search Query,Search Query Score,…”）',
  },
  business_report_by_date: {
    en: 'a Business Report by Date holds account totals without ASINs, which Asterism does not load (they would double-count the by-ASIN data): download "Detail Page Sales and Traffic by Child Item" for the same dates (one file per period, imported with --from/--to) or the SP-API Sales and Traffic report instead',
    zh: '按日期的业务报告只有账户合计、没有 ASIN，联星不导入（会与按 ASIN 的数据重复计算）：请改为下载同一日期的“按子商品的详情页面销售和流量”（每个时段一个文件，用 --from/--to 导入）或 SP-API 销售与流量报告',
  },
  order_channel_unknown: {
    en: 'line {line}: sales-channel "{value}" names no Amazon marketplace, so order times cannot be turned into local days: give --marketplace',
    zh: '第 {line} 行：sales-channel“{value}”不是亚马逊站点，无法把订单时间换算成当地日期：请给出 --marketplace',
  },
  only_mcf_orders: {
    en: 'all {count} rows are Multi-Channel Fulfilment orders (sales-channel Non-Amazon): nothing sold on Amazon to import',
    zh: '全部 {count} 行都是多渠道配送订单（sales-channel 为 Non-Amazon）：没有在亚马逊售出的订单可导入',
  },
  mcf_row_skipped: {
    en: '1 Multi-Channel Fulfilment row (sales-channel Non-Amazon) skipped: an order sold elsewhere, only shipped by FBA',
    zh: '已跳过 1 行多渠道配送订单（sales-channel 为 Non-Amazon）：该订单在别处售出，只是由 FBA 发货',
  },
  mcf_rows_skipped: {
    en: '{count} Multi-Channel Fulfilment rows (sales-channel Non-Amazon) skipped: orders sold elsewhere, only shipped by FBA',
    zh: '已跳过 {count} 行多渠道配送订单（sales-channel 为 Non-Amazon）：这些订单在别处售出，只是由 FBA 发货',
  },
  bad_charge_month: {
    en: 'line {line}, column "{column}": "{value}" is not a month such as 2019-10',
    zh: '第 {line} 行，列“{column}”：“{value}”不是月份（如 2019-10）',
  },
  later_rows_other_marketplace: {
    en: "the file's first {rows} rows are for {first} but later rows name {later}: give --marketplace, or split the file per marketplace",
    zh: '文件前 {rows} 行属于 {first}，但后面的行属于 {later}：请给出 --marketplace，或按站点拆分文件',
  },
  problem_not_listed: {
    en: '1 more problem not listed (the first {kept} are): fix these and import again to see it',
    zh: '另有 1 个问题未列出（只列出前 {kept} 个）：请修正后重新导入以查看',
  },
  problems_not_listed: {
    en: '{count} more problems not listed (the first {kept} are): fix these and import again to see the rest',
    zh: '另有 {count} 个问题未列出（只列出前 {kept} 个）：请修正后重新导入以查看其余问题',
  },
  // the ad type of an ads report
  bad_ad_type_option: {
    en: '--ad-type "{value}": use sp (Sponsored Products), sb (Sponsored Brands) or sd (Sponsored Display)',
    zh: '--ad-type“{value}”无效：请用 sp（商品推广）、sb（品牌推广）或 sd（展示型推广）',
  },
  ad_type_contradicted: {
    en: '--ad-type {declared} does not fit this file: its columns make it {allowed}; nothing was written',
    zh: '--ad-type {declared} 与文件内容不符：按列判断它是{allowed}；未写入任何数据',
  },
  ad_type_conflicting: {
    en: "its columns belong to different ad products (for instance a 7-day window beside a Sponsored Display column): download the report again from one ad product's reports; nothing was written",
    zh: '文件的列分属不同的广告类型（例如 7 天归因窗口与展示型推广独有的列同时出现）：请从同一种广告的报告中重新下载；未写入任何数据',
  },
  ad_type_open: {
    en: 'its columns fit {allowed} alike (no column only one of them reports), and its campaigns are not all known as one of them in store "{store}" ({marketplace}): say which with {flag} (on the upload form: Ad type); nothing was written',
    zh: '文件的列同时符合{allowed}（没有只属于其中一种的列），其广告活动在店铺“{store}”（{marketplace}）中也不全属于同一种广告类型：请用 {flag} 指明（上传页面：广告类型）；未写入任何数据',
  },
  // importing
  import_failed: { en: 'nothing was written: {reason}', zh: '未写入任何内容：{reason}' },
  needs_marketplace: {
    en: '{report} do not name their marketplace and their times are turned into its local days: give --marketplace, e.g. --marketplace US',
    zh: '{report}不注明站点，而时间要换算成站点当地日期：请给出 --marketplace，例如 --marketplace US',
  },
  feedback_needs_marketplace: {
    en: 'Seller feedback reports name no marketplace, and write their dates the marketplace\'s way (5 March 2026 is 3/5/26 on amazon.com, 5/3/26 on amazon.co.uk): give --marketplace, e.g. --marketplace US',
    zh: '卖家反馈报告不注明站点，日期按站点习惯书写（2026年3月5日在美国站写作 3/5/26，在英国站写作 5/3/26）：请给出 --marketplace，例如 --marketplace US',
  },
  unsupported_report: { en: '{report} is recognised but not imported: {reason}', zh: '已识别为{report}，但不导入：{reason}' },
  no_period: { en: '{report}: the file gives no dates', zh: '{report}：文件中没有日期' },
  needs_period: {
    en: '{report} has no dates inside: give --from and --to (the date range chosen in Seller Central when it was downloaded)',
    zh: '{report}文件内没有日期：请给出 --from 和 --to（下载时在卖家后台选择的日期范围）',
  },
  could_not_import: { en: 'the file could not be imported', zh: '文件无法导入' },
  more_problems: { en: '{first} (and {count} more problems)', zh: '{first}（另有 {count} 个问题）' },
  more_problem: { en: '{first} (and 1 more problem)', zh: '{first}（另有 1 个问题）' },
  // the file's marketplace
  unknown_marketplace_id: { en: 'marketplace id {id} is not one Asterism knows', zh: '联星不认识站点编号 {id}' },
  several_currencies: {
    en: "the file's amounts are in several currencies ({currencies}): split it per marketplace",
    zh: '文件中的金额有多种币种（{currencies}）：请按站点拆分',
  },
  several_marketplaces: {
    en: 'the file names several marketplaces ({marketplaces}): import one marketplace per file',
    zh: '文件中出现多个站点（{marketplaces}）：每个文件只导入一个站点',
  },
  marketplace_conflict: {
    en: 'the file is for {file_marketplace} ({why}) but --marketplace says {given}',
    zh: '文件属于 {file_marketplace}（{why}），但 --marketplace 指定的是 {given}',
  },
  marketplace_unknown_currency_shared: {
    en: 'cannot tell which marketplace this file is for (amounts in {currency} are used by several marketplaces): give --marketplace, e.g. --marketplace US',
    zh: '无法判断文件属于哪个站点（{currency} 金额被多个站点使用）：请给出 --marketplace，例如 --marketplace US',
  },
  marketplace_unknown: {
    en: 'cannot tell which marketplace this file is for (it names no marketplace id, sales channel or single-marketplace currency ($ alone is several)): give --marketplace, e.g. --marketplace US',
    zh: '无法判断文件属于哪个站点（文件中没有站点编号、销售渠道或只属于一个站点的币种（仅 $ 对应多个站点））：请给出 --marketplace，例如 --marketplace US',
  },
  // entries typed by the seller (costs, FX, events, benchmarks, targets)
  field_not_a_number: { en: '{field}: "{value}" is not a number', zh: '{field}：“{value}”不是数字' },
  field_negative: { en: '{field}: {value} is negative', zh: '{field}：{value} 是负数' },
  field_above_rate: {
    en: '{field}: {value} is more than {max} (a rate is a fraction: 0.25 is 25%)',
    zh: '{field}：{value} 大于 {max}（比率写成小数：0.25 即 25%）',
  },
  field_required: { en: '{field}: {what} is required', zh: '{field}：必须填写{what}' },
  field_not_currency: { en: '{field} "{value}" is not an ISO currency code such as USD, CNY, EUR', zh: '{field}“{value}”不是 ISO 币种代码（如 USD、CNY、EUR）' },
  unknown_marketplace_code: {
    en: 'unknown marketplace "{value}": expected a code such as US, UK, DE, JP{more}',
    zh: '未知站点“{value}”：应为 US、UK、DE、JP 等代码{more}',
  },
  bad_fx_rate: {
    en: 'FX rate "{value}" is not a positive number with at most 8 decimals, e.g. 7.1234',
    zh: '汇率“{value}”不是最多 8 位小数的正数（例如 7.1234）',
  },
  fx_same_currency: { en: 'an FX rate converts between two currencies, not {value} into itself', zh: '汇率是两种币种之间的换算，不能把 {value} 换算成它自己' },
  not_saved: { en: 'the {what} was not saved', zh: '{what}未能保存' },
  end_before_start: { en: '{what} end date {end} is before its date {date}', zh: '{what}的结束日期 {end} 早于开始日期 {date}' },
  unknown_of: { en: 'unknown {what} "{value}": expected one of {known}', zh: '未知的{what}“{value}”：应为以下之一：{known}' },
  field_not_asin: { en: 'ASIN "{value}" is not 10 letters and digits, e.g. B0EXAMPLE1', zh: 'ASIN“{value}”不是 10 位字母和数字（例如 B0EXAMPLE1）' },
  unknown_store: { en: 'unknown store "{value}": known stores are {known}', zh: '未知店铺“{value}”：已有的店铺为 {known}' },
  // an import without a store: never one made up (issue 27); the upload form's field is "Store" / "店铺"
  store_needed_none: {
    en: 'no store yet: name the store these files belong to with --store <name> (Store on the upload form)',
    zh: '还没有店铺：请用 --store <名称>（上传表单中的“店铺”）指定这些文件所属的店铺',
  },
  store_needed_several: {
    en: 'which store are these files for? This database holds stores {stores}: give one with --store <name> (Store on the upload form)',
    zh: '这些文件属于哪个店铺？数据库中已有店铺 {stores}：请用 --store <名称>（上传表单中的“店铺”）指定',
  },
  bounds_needed: { en: 'give a low bound, a high bound, or both (--low, --high)', zh: '请给出下限、上限或两者（--low、--high）' },
  bounds_reversed: { en: 'low bound {low} is above high bound {high}', zh: '下限 {low} 高于上限 {high}' },
  bound_not_a_number: { en: '{what} bound is not a number', zh: '{what}不是数字' },
  no_benchmark_override: {
    en: 'no benchmark override for {key}: `asterism benchmarks list` shows them',
    zh: '没有 {key} 的基准覆盖值：`asterism benchmarks list` 会列出全部',
  },
  name_benchmark_metric: { en: 'name the metric the benchmark is for (--metric ID)', zh: '请指定基准所属的指标（--metric ID）' },
  unknown_kpi: {
    en: 'unknown KPI "{value}": a KPI is a catalog metric (`asterism metrics` lists them)',
    zh: '未知 KPI“{value}”：KPI 必须是指标目录中的指标（`asterism metrics` 会列出全部）',
  },
  bad_role: {
    en: 'role "{value}": expected operator, ads, customer_service, warehouse or manager (or 运营, 广告, 客服, 仓储, 店长)',
    zh: '角色“{value}”无效：应为 operator、ads、customer_service、warehouse 或 manager（或 运营、广告、客服、仓储、店长）',
  },
  compare_unknown: {
    en: '--compare "{value}": expected one of {expected}',
    zh: '--compare "{value}" 无效：应为 {expected} 之一',
  },
  compare_by_time: {
    en: '--compare cannot be asked --by {value}: compare totals or non-time dimensions',
    zh: '--compare 不能与 --by {value} 同用：请对比总计或非时间维度',
  },
  compare_needs_period: {
    en: '--compare {value} needs --from and --to: the period to compare',
    zh: '--compare {value} 需要 --from 和 --to：即要对比的时段',
  },
  // KPI reviews and reports
  period_locked: {
    en: 'period {period} was locked at {at}: a settled review is not recomputed (unlock it first, with a reason: `asterism kpi unlock --period {period} --reason TEXT`)',
    zh: '考核期 {period} 已于 {at} 锁定，不再重算（如需重算，请先填写原因解锁：`asterism kpi unlock --period {period} --reason 原因`）',
  },
  period_not_ended: {
    en: 'period {period} ({from} … {to}) has not ended yet: only a closed period can be locked',
    zh: '考核期 {period}（{from} … {to}）尚未结束：只能锁定已结束的考核期',
  },
  no_targets: {
    en: 'no targets for period {period}: import a targets file first (`asterism import targets.csv`)',
    zh: '考核期 {period} 没有目标：请先导入目标表（`asterism import targets.csv`）',
  },
  unlock_needs_reason: {
    en: 'unlocking {period} needs a reason (--reason TEXT): the review history keeps it',
    zh: '解锁 {period} 需要填写原因（--reason 原因）：考核历史会记录它',
  },
  unlock_needs_user: {
    en: 'unlocking {period} needs a user name (--user NAME or $ASTERISM_USER)',
    zh: '解锁 {period} 需要用户名（--user 名字 或 $ASTERISM_USER）',
  },
  period_not_locked: { en: 'period {period} is not locked: nothing to unlock', zh: '考核期 {period} 未锁定，无需解锁' },
  alert_channel_unknown: { en: 'no alert channel named {name} (asterism alerts channels list)', zh: '没有名为 {name} 的告警渠道（见 asterism alerts channels list）' },
  alert_channel_test: { en: 'Asterism test message to channel {name}', zh: '联星测试消息：渠道 {name}' },
  no_data_yet: {
    en: 'no sales or traffic data imported yet: import reports first, or give --period',
    zh: '尚未导入任何销售或流量数据：请先导入报表，或给出 --period',
  },
  owner_needed: {
    en: "the daily report is one owner's (运营日报): give --owner NAME ({known})",
    zh: '运营日报按负责人生成：请给出 --owner 名字（{known}）',
  },
  owner_unknown: { en: 'owner "{value}" is not in the products file ({known})', zh: '负责人“{value}”不在产品表中（{known}）' },
  known_owners: { en: 'known owners: {owners}', zh: '已有负责人：{owners}' },
  no_owners: { en: 'no owners yet: import a products file with an owner column', zh: '还没有负责人：请导入含负责人列的产品表' },
  import_job_gone: {
    en: 'no import job "{id}": finished jobs are kept {minutes} minutes, and none outlives a server restart',
    zh: '没有导入任务“{id}”：已完成的任务只保留 {minutes} 分钟，服务重启后全部清除',
  },
  server_without_json: { en: 'the server answered HTTP {status} without JSON', zh: '服务器返回了 HTTP {status}，但没有 JSON 内容' },
  server_import_failed: { en: 'the import failed on the server', zh: '服务器上的导入失败' },
  targets_unknown_period: {
    en: 'targets with period "{value}" are not in a known period and were left out',
    zh: '考核期为“{value}”的目标不属于任何已知考核期，已略过',
  },
  kpi_mixed_currency: {
    en: '{kpi} for {scope}: the scope sells in several currencies: give a currency to convert into',
    zh: '{scope} 的 {kpi}：该范围以多种币种销售：请给出要换算成的币种',
  },
  // prices
  rule_value_bad: { en: '{field} "{value}" is not {expected}', zh: '{field} 的值“{value}”无效：应为{expected}' },
  no_rule_given: { en: 'give at least one rule: {fields}', zh: '请至少设置一条规则：{fields}' },
  no_price_suggestion: { en: 'no price suggestion {id}', zh: '没有编号为 {id} 的调价建议' },
  suggestion_decided: {
    en: 'price suggestion {id} was already {status} by {by} at {at}: a decision is final',
    zh: '调价建议 {id} 已由 {by} 于 {at} 处理（{status}），不能再次审批',
  },
  suggestion_without_price: { en: 'price suggestion {id} has no price to approve', zh: '调价建议 {id} 没有建议价格，无法批准' },
  price_needs_marketplace: {
    en: 'say which marketplace SKU {sku} sells in (--marketplace US)',
    zh: '请用 --marketplace 指定 SKU {sku} 的站点（例如 --marketplace US）',
  },
  price_bad_marketplace: {
    en: '"{value}" is not a marketplace code such as US, UK, DE',
    zh: '“{value}”不是站点代码（如 US、UK、DE）',
  },
  price_no_cost: {
    en: 'SKU {sku} has no cost in store {store} for {marketplace} on {date}: import a costs file (asterism template costs)',
    zh: 'SKU {sku} 在店铺 {store}、站点 {marketplace} 没有 {date} 有效的成本：请先导入成本表（asterism template costs）',
  },
  price_no_referral_fee: {
    en: 'no referral fee for SKU {sku} in {marketplace}: no settled order in the last {days} days (payments report), no fee category (products file, column category), no FBA fee preview report',
    zh: 'SKU {sku} 在 {marketplace} 无法确定佣金：近 {days} 天没有已结算订单（交易报告），产品表没有类目（category 列），也没有 FBA 费用预览报告',
  },
  price_no_fba_fee: {
    en: 'no FBA fee for SKU {sku} in {marketplace}: import the FBA fee preview report or a payments report with its settled orders, or give its size and weight in the products file (US fee tables)',
    zh: 'SKU {sku} 在 {marketplace} 无法确定 FBA 配送费：请导入 FBA 费用预览报告或含已结算订单的交易报告，或在产品表填写尺寸和重量（美国费用表）',
  },
  price_no_fx_rate: {
    en: 'no FX rate {base}→{quote} on or before {date}: add one with `asterism fx set --date DATE --base {base} --quote {quote} --rate R`',
    zh: '缺少 {date} 及之前的 {base}→{quote} 汇率：请用 `asterism fx set --date 日期 --base {base} --quote {quote} --rate 汇率` 添加',
  },
  price_sku_in_stores: {
    en: 'SKU {sku} is in stores {stores}: give --store',
    zh: 'SKU {sku} 属于多个店铺（{stores}）：请用 --store 指定',
  },
  price_export_marketplaces: {
    en: 'approved prices for {marketplaces}: an Amazon price file is for one marketplace, give --marketplace',
    zh: '已批准的价格涉及多个站点（{marketplaces}）：一个亚马逊价格文件只对应一个站点，请用 --marketplace 指定一个',
  },
  // errors of the command line and the API
  bad_marketplace_option: {
    en: 'unknown marketplace "{value}": use a code such as US, CA, UK, DE, JP',
    zh: '未知站点“{value}”：请使用 US、CA、UK、DE、JP 等代码',
  },
  bad_date_option: {
    en: '{what} "{value}" is not a date: expected YYYY-MM-DD, e.g. 2026-09-30',
    zh: '{what}“{value}”不是日期：应为 YYYY-MM-DD，例如 2026-09-30',
  },
  from_to_together: { en: '--from and --to go together: give both or neither', zh: '--from 和 --to 须一起给出：两个都给或都不给' },
  from_after_to: { en: '--from {from} is after --to {to}', zh: '--from {from} 晚于 --to {to}' },
  bad_lang: { en: '{what} "{value}" is not zh or en', zh: '{what}“{value}”不是 zh 或 en' },
  database_locked: {
    en: 'database {path} is in use by another process{pid}: stop it, or run `asterism serve` on this file and the CLI will go through it',
    zh: '数据库 {path} 正被另一个进程使用{pid}：请停止该进程，或对此文件运行 `asterism serve`，命令行会通过它访问',
  },
  secret_key_bad: {
    en: 'ASTERISM_SECRET_KEY must be 32 bytes written as 64 hex digits or as base64 (generate one with `openssl rand -base64 32`)',
    zh: 'ASTERISM_SECRET_KEY 必须是 32 字节，写成 64 位十六进制或 base64（可用 `openssl rand -base64 32` 生成）',
  },
  secret_key_file_bad: {
    en: 'the key file {path} is not a 32-byte key, or others can read it (it must be mode 0600); secrets stored with it cannot be opened',
    zh: '密钥文件 {path} 不是 32 字节的密钥，或其他用户可读（必须为 0600 权限）；用它保存的密钥无法解开',
  },
  secret_unreadable: {
    en: 'a stored secret cannot be opened with this key (was the database moved without its key file, or ASTERISM_SECRET_KEY changed?); enter it again',
    zh: '无法用当前密钥解开已保存的机密（数据库是否在没有密钥文件的情况下被移动，或 ASTERISM_SECRET_KEY 已更改？）；请重新输入',
  },
  // Amazon sync (issue 18): connections, the APIs' answers, sync runs
  sync_bad_refresh_token: {
    en: 'Amazon refused the refresh token of {api} connection "{store}" ({reason}): authorise the app again in Seller Central (or the Ads console) and run `asterism connect` with the new token; nothing was synced for it',
    zh: '亚马逊拒绝了店铺“{store}”的 {api} 连接的刷新令牌（{reason}）：请在卖家中心（或广告控制台）重新授权应用，并用新令牌运行 `asterism connect`；该连接未同步任何内容',
  },
  sync_not_connected: {
    en: 'store "{store}" has no {api} connection: run `asterism connect {command} --store {store} …` first',
    zh: '店铺“{store}”没有 {api} 连接：请先运行 `asterism connect {command} --store {store} …`',
  },
  sync_no_connections: { en: 'no store is connected: run `asterism connect amazon --store S …` first', zh: '还没有连接任何店铺：请先运行 `asterism connect amazon --store S …`' },
  sync_bad_region: { en: 'region "{value}" is not na, eu or fe', zh: '区域“{value}”不是 na、eu 或 fe' },
  sync_marketplace_region: {
    en: 'marketplace {marketplace} is served by the {expected} region, not {region}: connect it with --region {expected}',
    zh: '站点 {marketplace} 属于 {expected} 区域，而不是 {region}：请用 --region {expected} 连接',
  },
  sync_missing_value: { en: '{what} is required', zh: '必须提供 {what}' },
  sync_unknown_report: { en: 'unknown report type "{value}": expected one of {known}', zh: '未知报告类型“{value}”：应为以下之一：{known}' },
  sync_range_too_long: { en: 'the range {from} to {to} is longer than two years ({days} days): sync at most 731 days at a time', zh: '时段 {from} 至 {to} 超过两年（{days} 天）：每次最多同步 731 天' },
  sync_http_error: { en: '{operation} answered HTTP {status}: {reason}', zh: '{operation} 返回 HTTP {status}：{reason}' },
  sync_network_error: { en: '{operation} could not reach {host}: {reason}', zh: '{operation} 无法连接 {host}：{reason}' },
  sync_report_fatal: { en: 'Amazon could not make report {report_type} for {from} to {to} (FATAL): {reason}', zh: '亚马逊无法生成 {from} 至 {to} 的报告 {report_type}（FATAL）：{reason}' },
  sync_report_timeout: { en: 'report {report_type} was still {status} after {minutes} minutes: it is asked for again at the next run', zh: '报告 {report_type} 在 {minutes} 分钟后仍为 {status}：下次运行时会重新请求' },
  sync_document_expired: { en: 'the download link of report {report_type} expired before it could be read: it is asked for again at the next run', zh: '报告 {report_type} 的下载链接在读取前已过期：下次运行时会重新请求' },
  not_expected_report: {
    en: 'the document reads as {found}, not the {expected} report it was asked for: nothing was imported from it',
    zh: '该文档被识别为 {found}，而不是所请求的 {expected} 报告：未从中导入任何内容',
  },
  sync_no_ads_profile: { en: 'the Ads API lists no profile {profile} for this account; profiles: {known}', zh: '广告 API 中此账户没有配置文件 {profile}；可用的配置文件：{known}' },
  database_open_failed: { en: 'cannot open database {path}: {reason}', zh: '无法打开数据库 {path}：{reason}' },
  server_unreachable: {
    en: 'the server at {url} holding this database does not answer ({reason})',
    zh: '持有此数据库的服务器 {url} 没有响应（{reason}）',
  },
  no_metric: { en: 'name at least one metric (--metric ID); `asterism metrics` lists them', zh: '请至少指定一个指标（--metric ID）；`asterism metrics` 会列出全部指标' },
  unknown_metric: { en: 'unknown metric "{value}"{hint}; `asterism metrics` lists them', zh: '未知指标“{value}”{hint}；`asterism metrics` 会列出全部指标' },
  unknown_dimension: { en: 'unknown dimension "{value}"{hint}: expected one of {known}', zh: '未知维度“{value}”{hint}：应为以下之一：{known}' },
  bad_currency_option: { en: 'currency "{value}" is not an ISO code such as USD, CNY, EUR', zh: '币种“{value}”不是 ISO 代码（如 USD、CNY、EUR）' },
  no_upload_files: { en: 'no files: send them as multipart form field "files"', zh: '没有文件：请以 multipart 表单字段 "files" 发送' },
  no_import_job: { en: 'no import job "{id}"', zh: '没有导入任务“{id}”' },
  internal_error: { en: 'internal error', zh: '内部错误' },
  // the command line's usage
  usage_unknown_option: { en: "unknown option '{option}'{hint}", zh: '未知选项 {option}{hint}' },
  usage_unknown_command: { en: "unknown command '{command}'{hint}", zh: '未知命令 {command}{hint}' },
  usage_missing_argument: { en: 'missing required argument {argument}{hint}', zh: '缺少必需的参数 {argument}{hint}' },
  usage_option_needs_value: { en: 'option {option} needs a value{hint}', zh: '选项 {option} 需要一个值{hint}' },
  usage_required_option: { en: 'required option {option} not given{hint}', zh: '缺少必需的选项 {option}{hint}' },
  usage_too_many_arguments: { en: 'too many arguments for {command}{hint}', zh: '{command} 的参数太多{hint}' },
  usage_did_you_mean: { en: ' (did you mean {value}?)', zh: '（是否想输入 {value}？）' },
  db_needs_path: { en: '--db needs a path', zh: '--db 需要一个文件路径' },
  not_a_number_option: {
    en: '{what} "{value}" is not a number or a percentage such as {example}',
    zh: '{what}“{value}”不是数字或百分比（例如 {example}）',
  },
  not_a_whole_number_option: { en: '{what} "{value}" is not a whole number', zh: '{what}“{value}”不是整数' },
  not_a_port: { en: '--port "{value}" is not a port number', zh: '--port“{value}”不是有效的端口号' },
  not_a_size: { en: '--max-upload "{value}" is not a size: write e.g. 500MB, 2GB or 1073741824', zh: '--max-upload“{value}”不是大小：请写成 500MB、2GB 或 1073741824 这样的形式' },
  not_a_folder: { en: '--import-dir "{value}" is not a folder', zh: '--import-dir“{value}”不是文件夹' },
  not_a_host: {
    en: '--allowed-host "{value}" is not a host name (e.g. asterism.lan or asterism.lan:8080)',
    zh: '--allowed-host“{value}”不是主机名（例如 asterism.lan 或 asterism.lan:8080）',
  },
  one_of_option: { en: '{what} "{value}": expected {known}', zh: '{what}“{value}”无效：应为 {known}' },
  not_an_id: { en: '"{value}" is not {what}: see `{command}`', zh: '“{value}”不是{what}：请用 `{command}` 查看' },
  unknown_template: { en: 'unknown template "{value}": expected {known}', zh: '未知模板“{value}”：应为 {known}' },
  wrong_file_type: { en: '{file} is a {type} file, not {expected}', zh: '{file} 是 {type} 文件，不是{expected}' },
  only_amazon_price_files: {
    en: '--channel "{value}": only amazon price files are made so far (Walmart and Shopify later)',
    zh: '--channel“{value}”：目前只能生成亚马逊调价文件（Walmart 和 Shopify 以后支持）',
  },
  // the dates an answer covers when asked without --from/--to (spec/cli.md: no dates means all dates)
  period_all_dates: { en: 'all dates: {first} – {last} (no --from/--to given)', zh: '全部日期：{first} – {last}（未指定 --from/--to）' },
  period_all_dates_empty: { en: 'all dates: no data for this question is imported (no --from/--to given)', zh: '全部日期：尚未导入可回答此问题的数据（未指定 --from/--to）' },
  period_from_only: { en: '{from} – {last}, the last day with data (no --to given)', zh: '{from} – {last}（最后一天有数据的日期；未指定 --to）' },
  period_to_only: { en: '{first} – {to}, from the first day with data (no --from given)', zh: '{first} – {to}（自第一天有数据的日期起；未指定 --from）' },
  // a diagnosis without findings says why (src/analysis/no-findings.ts)
  diagnose_none_no_funnels: { en: 'no findings: {why}', zh: '没有诊断结果：{why}' },
  diagnose_none_tier: {
    en: 'no findings: no listing in the {tier} tier has a funnel in this period and scope ({funnels} without the tier filter)',
    zh: '没有诊断结果：此期间和范围内没有处于 {tier} 阶段的商品漏斗（不按阶段筛选时有 {funnels} 个）',
  },
  diagnose_none_first_30_days: {
    en: 'no findings: the only low stages ({stages}) are in listings\' first 30 days, where only click and cart are diagnosed',
    zh: '没有诊断结果：偏低的环节（{stages} 个）都在商品上架首 30 天内，此时只诊断点击和加购',
  },
  diagnose_none_too_little_data: {
    en: 'no findings: no stage of the {funnels} funnel(s) could be judged against a benchmark: their counts are unknown (no Brand Analytics or ads report for the period) or too few to give a rate (no impressions, no clicks)',
    zh: '没有诊断结果：{funnels} 个漏斗中没有任何环节可以与基准比较：计数未知（此期间没有品牌分析或广告报告），或数量太少无法计算比率（没有曝光或点击）',
  },
  diagnose_none_within_benchmark: {
    en: 'no findings: every stage judged ({stages} in {funnels} funnel(s)) is within or above its benchmark',
    zh: '没有诊断结果：已判断的全部环节（{funnels} 个漏斗中的 {stages} 个）都在基准范围内或高于基准',
  },
  body_not_json: { en: 'the request body is not JSON', zh: '请求内容不是 JSON' },
  // a request's input that does not fit its schema (src/app/invalid-input.ts picks one from the zod issue)
  input_missing: { en: '{field}: a value is required ({expected})', zh: '{field}：必须填写（应为{expected}）' },
  input_wrong_type: { en: '{field}: {value} is not {expected}', zh: '{field}：{value} 不是{expected}' },
  input_not_one_of: { en: '{field}: {value} is not one of {known}', zh: '{field}：{value} 不是以下之一：{known}' },
  input_empty: { en: '{field}: must not be empty', zh: '{field}：不能为空' },
  input_too_short: { en: '{field}: needs at least {min} {unit}', zh: '{field}：至少需要 {min} {unit}' },
  input_too_long: { en: '{field}: holds at most {max} {unit}', zh: '{field}：最多 {max} {unit}' },
  input_too_low: { en: '{field}: {value} is not a number {op} {min}', zh: '{field}：{value} 不是 {op} {min} 的数' },
  input_too_high: { en: '{field}: {value} is not a number {op} {max}', zh: '{field}：{value} 不是 {op} {max} 的数' },
  input_bad_form: { en: '{field}: {value} is not {expected}', zh: '{field}：{value} 不是{expected}' },
  input_unknown_fields: { en: '{field}: unknown fields {keys}', zh: '{field}：未知字段 {keys}' },
  input_invalid: { en: '{field}: not valid ({reason})', zh: '{field}：输入无效（{reason}）' },
  // the server's refusals (src/server/refusals.ts gives each its HTTP status)
  foreign_host: {
    en: 'this server answers only to its own address, not to "{host}"; to reach it by another name, start it with --allowed-host NAME',
    zh: '本服务只响应自己的地址，不响应"{host}"；如需用其他名称访问，请以 --allowed-host 名称 启动',
  },
  foreign_origin: {
    en: "refused: the request comes from a page of another site ({origin}); only Asterism's own pages may change data",
    zh: '已拒绝：请求来自其他网站的页面（{origin}）；只有联星自己的页面可以修改数据',
  },
  missing_request_header: {
    en: 'refused: a request that changes data must carry the header "X-Asterism-Request: 1" (the dashboard and the CLI send it)',
    zh: '已拒绝：修改数据的请求必须带请求头"X-Asterism-Request: 1"（仪表盘和命令行会自动带上）',
  },
  import_by_path_off: {
    en: "importing by server path is off: start the server with --import-dir DIR to allow a folder, or upload the files (POST /api/upload, or the dashboard's Data page)",
    zh: '未开启按服务器路径导入：请以 --import-dir 目录 启动服务以允许某个文件夹，或改为上传文件（POST /api/upload，或仪表盘的“数据”页）',
  },
  import_outside: {
    en: '"{path}": not a file this server may read; by path it reads only existing files under the folders given with --import-dir (or upload the file instead)',
    zh: '"{path}"：不是本服务可读取的文件；按路径导入只读取 --import-dir 指定文件夹下已存在的文件（也可以改为上传）',
  },
  import_not_regular: {
    en: '"{path}": not a regular file (a folder, pipe or device); give a report file',
    zh: '"{path}"：不是普通文件（而是文件夹、管道或设备）；请指定报表文件',
  },
  upload_too_large: {
    en: 'the upload is larger than this server accepts ({limit}); nothing was kept. Split the files into several uploads, or start the server with a larger --max-upload',
    zh: '上传内容超过本服务允许的大小（{limit}）；未保存任何内容。请分几次上传，或以更大的 --max-upload 启动服务',
  },
  upload_not_multipart: {
    en: 'send the files as multipart/form-data, in the form field "files"',
    zh: '请以 multipart/form-data 发送文件，表单字段名为"files"',
  },
  upload_too_many_parts: {
    en: 'more than 1,000 files or 100 fields in one upload; nothing was kept. Send them in several uploads',
    zh: '单次上传超过 1,000 个文件或 100 个字段；未保存任何内容。请分几次上传',
  },
  upload_broken: {
    en: 'the upload ended before its last file was complete; nothing was kept',
    zh: '上传在最后一个文件传完之前中断；未保存任何内容',
  },
  // users, login and rights (issue 20)
  password_too_short: { en: 'the password needs at least {min} characters', zh: '密码至少需要 {min} 个字符' },
  bad_user_name: { en: 'user name "{value}": 1 to 64 characters without spaces, commas or colons', zh: '用户名“{value}”：1 到 64 个字符，不能含空格、逗号或冒号' },
  bad_user_role: { en: 'role "{value}": expected one of {known}', zh: '角色“{value}”无效：应为 {known} 之一' },
  user_exists: { en: 'a user named "{name}" already exists', zh: '已有名为“{name}”的用户' },
  user_not_found: { en: 'no user named "{name}": see `asterism users list`', zh: '没有名为“{name}”的用户：请用 `asterism users list` 查看' },
  token_not_found: { en: 'no live token {id}: see `asterism tokens list`', zh: '没有有效的令牌 {id}：请用 `asterism tokens list` 查看' },
  no_password_given: { en: 'give the password on standard input: --password-stdin', zh: '请通过标准输入提供密码：--password-stdin' },
  login_required: {
    en: 'sign in first: this server has users, so every request needs a session (POST /api/auth/login) or an API token (Authorization: Bearer …)',
    zh: '请先登录：本服务已有用户，每个请求都需要会话（POST /api/auth/login）或 API 令牌（Authorization: Bearer …）',
  },
  login_wrong: { en: 'wrong user name or password', zh: '用户名或密码错误' },
  login_locked: {
    en: 'too many wrong passwords: this user is locked out until {until} UTC (or until the owner resets the password)',
    zh: '密码错误次数过多：该用户已被锁定至 {until} UTC（或由老板重置密码）',
  },
  login_throttled: { en: 'too many sign-in attempts from this address; wait a minute and try again', zh: '该地址登录尝试过多；请稍等一分钟再试' },
  role_may_not: {
    en: 'refused: the role {role} may not {action} (it needs the right {right}); ask the owner',
    zh: '已拒绝：角色“{role}”无权执行 {action}（需要权限 {right}）；请联系老板',
  },
  scope_may_not: {
    en: 'refused: {value} is outside what {user} may see ({what}: {allowed})',
    zh: '已拒绝：{value} 不在 {user} 可查看的范围内（{what}：{allowed}）',
  },
  scope_not_served: {
    en: 'refused: {value} cannot be narrowed to what {user} may see ({what}: {allowed}); ask within that scope',
    zh: '已拒绝：{value} 无法限定在 {user} 可查看的范围内（{what}：{allowed}）；请在该范围内查询',
  },
  hidden_by_role: {
    en: '{metrics}: null, because the role {role} does not see costs and profit (ask the owner for the cost right)',
    zh: '{metrics}：为空，因为角色“{role}”无权查看成本与利润（可请老板开通成本权限）',
  },
  serve_needs_user: {
    en: 'refused to listen on {host}: no user exists yet, so anyone reaching that address could read and change everything. Add one first (asterism users add --name NAME --role owner --password-stdin), or serve on 127.0.0.1',
    zh: '拒绝在 {host} 上监听：还没有任何用户，任何能访问该地址的人都能查看和修改全部数据。请先添加用户（asterism users add --name 名称 --role owner --password-stdin），或只在 127.0.0.1 上提供服务',
  },
  tls_needs_both: { en: 'give both --tls-cert and --tls-key', zh: '请同时提供 --tls-cert 和 --tls-key' },

  // alerts, issue 19 (what was left): the part that moved, stranded stock, failing imports and syncs, channel errors, rule scopes
  alert_split_top: {
    en: '{dimension} {part} rose most: {rate} of units ordered ({count} of {base}) against {before_rate} ({before_count} of {before_base}) over the 8 weeks before, {change} pts',
    zh: '{dimension} {part} 升幅最大：占订购件数的 {rate}（{base} 件中 {count} 件），此前 8 周为 {before_rate}（{before_base} 件中 {before_count} 件），{change} 个百分点',
  },
  alert_split_top_new: {
    en: '{dimension} {part} rose most: {rate} of units ordered ({count} of {base}), with no orders in the 8 weeks before to compare',
    zh: '{dimension} {part} 升幅最大：占订购件数的 {rate}（{base} 件中 {count} 件），此前 8 周没有订单可比较',
  },
  alert_split_others: { en: 'The others: {list}', zh: '其余：{list}' },
  alert_stranded: {
    en: 'SKU {sku}: {units} units available at Amazon (inventory report of {stock_day}), its listing Inactive in the All Listings report of {listing_day}',
    zh: 'SKU {sku}：亚马逊仓内可售 {units} 件（{stock_day} 的库存报告），而 {listing_day} 的全部商品报告中该 Listing 为 Inactive',
  },
  alert_stranded_valued: {
    en: 'SKU {sku}: {units} units available at Amazon (inventory report of {stock_day}), {value} at your price, its listing Inactive in the All Listings report of {listing_day}',
    zh: 'SKU {sku}：亚马逊仓内可售 {units} 件（{stock_day} 的库存报告），按售价计 {value}，而 {listing_day} 的全部商品报告中该 Listing 为 Inactive',
  },
  alert_stranded_fix: {
    en: 'Open Manage Inventory → Fix Stranded Inventory in Seller Central and relist the offer (or fix what suppressed it)',
    zh: '在卖家中心打开“管理库存”→“修复无在售信息的亚马逊库存”，重新上架该商品（或修正导致压制的问题）',
  },
  alert_stranded_remove: {
    en: 'If it will not sell again, create a removal order before long-term storage fees accrue',
    zh: '如不再销售，请在产生长期仓储费之前创建移除订单',
  },
  alert_import_failed: { en: '{at} import of {file} failed: {error}', zh: '{at} 导入 {file} 失败：{error}' },
  alert_sync_failed: { en: 'Sync of {report_type} failed at {at}: {error}', zh: '{report_type} 同步于 {at} 失败：{error}' },
  alert_failing_read: {
    en: 'Read the error: it names the file, line and column, or what Amazon answered',
    zh: '查看错误信息：其中写明了文件、行和列，或亚马逊的答复',
  },
  alert_failing_again: {
    en: 'Fix the file (or the connection) and import or sync again on the Data page; the alert clears by itself once it succeeds',
    zh: '修正文件（或连接）后在数据页面重新导入或同步；成功后提醒会自动解除',
  },
  alert_channel_unreachable: {
    en: 'the channel cannot be reached (no answer from its address): check the URL and this machine\'s network',
    zh: '无法连接该渠道（其地址没有响应）：请检查 URL 和本机网络',
  },
  alert_channel_busy: { en: 'the channel asks to slow down (HTTP {status}): messages are sent again later', zh: '渠道要求降低发送频率（HTTP {status}）：消息稍后重发' },
  alert_channel_server_error: { en: 'the channel\'s server failed (HTTP {status}): messages are sent again later', zh: '渠道服务器出错（HTTP {status}）：消息稍后重发' },
  alert_channel_refused_http: {
    en: 'the channel refused the message (HTTP {status}): check the webhook URL; it is not sent again',
    zh: '渠道拒收消息（HTTP {status}）：请检查 Webhook 地址；该消息不会重发',
  },
  alert_channel_refused_code: {
    en: 'the channel refused the message (error code {code}): check its secret, keywords and IP allow-list in the robot\'s security settings',
    zh: '渠道拒收消息（错误码 {code}）：请检查机器人安全设置中的加签密钥、自定义关键词和 IP 白名单',
  },
  alert_channel_refused: { en: 'the channel refused the message: check the robot\'s security settings', zh: '渠道拒收消息：请检查机器人的安全设置' },
  alert_channel_no_address: { en: 'the e-mail channel has no --to address', zh: '邮件渠道没有收件地址（--to）' },
  alert_channel_smtp: { en: 'the mail server did not take the message: check the smtp:// address and the sender', zh: '邮件服务器未接收该邮件：请检查 smtp:// 地址和发件人' },
  alert_channel_gone: { en: 'the channel was removed: its messages wait for nobody', zh: '该渠道已删除：其消息无处投递' },
  alert_channel_failed_other: { en: 'the message could not be sent (the details are kept in the delivery log)', zh: '消息发送失败（详情见投递记录）' },
  // sync18 (issue 18: sync jobs with progress, the connect form)
  sync_job_running: {
    en: 'a sync is already running (job {id}): wait for it, or follow it with GET /api/sync/jobs?id={id}',
    zh: '已有同步正在进行（任务 {id}）：请等待其完成，或通过 GET /api/sync/jobs?id={id} 查看进度',
  },
  sync_job_gone: {
    en: 'no sync job "{id}": finished jobs are kept {minutes} minutes, and none outlives a restart',
    zh: '没有同步任务“{id}”：已完成的任务只保留 {minutes} 分钟，重启后全部清除',
  },

  // channels23: other channels (Shopify, Walmart, the ERPs), customers (issue 23)
  shopify_cost_needs_marketplace: {
    en: "{count} 'Cost per item' values not loaded: the product export names no currency; give --marketplace (its currency is the shop's) and import again",
    zh: "有 {count} 个“Cost per item”（单件成本）未导入：商品导出文件未写明币种；请加 --marketplace（按该站点币种）后重新导入",
  },
  price_file_channels: {
    en: '--channel "{value}": price files are made for amazon, walmart and shopify',
    zh: '--channel“{value}”：价格文件仅支持 amazon、walmart、shopify',
  },

  // stock22 (issue 22): restock, suppliers, batches, inventory health
  restock_below_reorder_point: {
    en: 'order now: {position} units in stock, inbound and on order is at or below the reorder point {reorder_point} ({lead_time} days of lead time at {daily} a day + {safety} safety stock)',
    zh: '立即下单：在库、入库中与在途采购共 {position} 件，已不高于补货点 {reorder_point}（交期 {lead_time} 天 × 日销 {daily} + 安全库存 {safety}）',
  },
  restock_within_cycle: {
    en: 'order by {date}: stock reaches the reorder point {reorder_point} then; this order covers {cycle} more days of sales',
    zh: '请在 {date} 前下单：届时库存降至补货点 {reorder_point}；本次下单多覆盖 {cycle} 天销量',
  },
  restock_covered: {
    en: 'no order needed: {position} units cover the lead time, the safety stock and the next {cycle} days; reorder point reached on {date}',
    zh: '暂不需要下单：{position} 件足以覆盖交期、安全库存和之后 {cycle} 天；预计 {date} 降至补货点',
  },
  restock_no_sales: {
    en: 'no sales on in-stock days in the last {window} days: no rate to plan from',
    zh: '近 {window} 天有货的日子里没有销量：无法据此计算补货',
  },
  restock_no_lead_time: {
    en: 'no lead time for this SKU: add its supplier, production and freight days (template lead_times)',
    zh: '该SKU没有交期：请在交期主数据中填写供应商、生产周期和运输时效（模板 lead_times）',
  },
  restock_no_inventory: {
    en: 'no inventory snapshot for this SKU: import a Manage FBA Inventory or inventory health report to know what is in stock',
    zh: '该SKU没有库存快照：请导入“管理亚马逊库存”或库存状况报告，才能知道在库数量',
  },
  batch_bad: {
    en: 'batch {batch} of {sku}: its return rate {rate} is {times}× the SKU\'s usual ({reviews} reviews of 1–2 stars while it was on sale); check it with the supplier',
    zh: '{sku} 的批次 {batch}：退货率 {rate}，是该SKU平常的 {times} 倍（在售期间 {reviews} 条1–2星评论）；请与供应商核查',
  },
  restock_bad_service_level: {
    en: 'service level {value} must be between 0.5 and 0.999 (e.g. 0.95)',
    zh: '服务水平 {value} 须在 0.5 到 0.999 之间（例如 0.95）',
  },
  // issue 20, what is left (users20): rights on cost fields, scorecards, reports blanked, the image proxy
  cost_fields_not_yours: {
    en: 'refused: the role {role} may change only {allowed} of a cost; {fields} of {sku} would change ({asked} where the cost in force from {since} says {held}); ask the owner or a manager',
    zh: '已拒绝：角色“{role}”只能修改成本中的 {allowed}；此次会改动 {sku} 的 {fields}（提交的是 {asked}，{since} 起生效的成本为 {held}）；请联系老板或店长',
  },
  cost_fields_no_row: {
    en: 'refused: the role {role} may change only {allowed} of a cost, and {sku} has no cost in force on {date} to add it to; ask the owner or a manager to enter the unit cost first',
    zh: '已拒绝：角色“{role}”只能修改成本中的 {allowed}，而 {sku} 在 {date} 没有生效的成本可供补充；请先由老板或店长录入单位成本',
  },
  others_hidden: {
    en: "other people's KPIs and scorecards are left out: the role {role} sees the team's and {owner}'s own (the owner and managers see everyone's)",
    zh: '已略去其他人的 KPI 与计分卡：角色“{role}”只能查看团队的及 {owner} 本人的（老板和店长可查看全部）',
  },
  image_host_not_allowed: {
    en: 'refused to fetch the image {src}: only https images under /images/ on Amazon\'s image hosts ({hosts}) are fetched',
    zh: '已拒绝获取图片 {src}：只获取亚马逊图片服务器（{hosts}）上 /images/ 下的 https 图片',
  },
  image_not_fetched: { en: 'the image {src} could not be fetched: {reason}', zh: '无法获取图片 {src}：{reason}' },
  image_status: { en: 'the image host answered {status}', zh: '图片服务器返回 {status}' },
  image_not_image: { en: 'the answer is not an image (content type "{type}")', zh: '返回的不是图片（内容类型“{type}”）' },
  image_too_large: { en: 'the image is larger than {max}', zh: '图片超过 {max}' },
  // ads workbench (issue 21): economics, suggestions, approvals, the bulk file
  ads_no_break_even: { en: '{sku}: no break-even ACoS (the profit module has no revenue, fees or unit cost for it in the period)', zh: '{sku}：无盈亏平衡ACoS（利润模块在该期间缺少其收入、费用或单位成本）' },
  ads_loses_before_ads: { en: '{sku}: loses money before ads (break-even ACoS {acos}): no ACoS is affordable, so no break-even CPC', zh: '{sku}：未计广告已亏损（盈亏平衡ACoS {acos}）：任何ACoS都负担不起，因此没有盈亏平衡CPC' },
  ads_no_orders: { en: '{sku}: no ad orders in the period, so no average order value', zh: '{sku}：期间内没有广告订单，无法得出平均订单金额' },
  ads_no_clicks: { en: '{sku}: no ad clicks in the period, so no conversion rate', zh: '{sku}：期间内没有广告点击，无法得出转化率' },
  ads_no_target: { en: '{sku}: no target ACoS (none set for the SKU, its tier or the store, and no break-even ACoS)', zh: '{sku}：无目标ACoS（SKU、层级和店铺都未设置，也没有盈亏平衡ACoS）' },
  ads_left_few_clicks: { en: '{clicks} clicks without an order are too few to judge: at a conversion rate of {cvr} it takes {needed}', zh: '{clicks} 次点击无订单，尚不足以判断：按 {cvr} 的转化率需要 {needed} 次' },
  ads_left_low_spend: { en: 'spend {spend} {currency} is below the {min} {currency} a negative needs', zh: '花费 {spend} {currency} 低于否定所需的 {min} {currency}' },
  ads_left_no_rate: { en: 'no conversion rate for its SKU or the account, so "no order yet" cannot be judged', zh: '其SKU和账户都没有转化率，无法判断“尚无订单”' },
  ads_left_no_target: { en: 'no target ACoS for its SKU, tier or store: set one with asterism ads targets set', zh: '其SKU、层级或店铺没有目标ACoS：请用 asterism ads targets set 设置' },
  ads_left_acos_high: { en: 'ACoS {acos} is not below the target {target}', zh: 'ACoS {acos} 不低于目标 {target}' },
  ads_left_few_orders: { en: '{orders} orders, fewer than the {min} harvesting needs', zh: '{orders} 个订单，少于收词所需的 {min} 个' },
  ads_left_exact_exists: { en: 'already an exact keyword in a manual campaign', zh: '已是手动广告活动中的精准关键词' },
  ads_left_no_destination: { en: 'no manual ad group for its SKU to add it to: create an exact-match campaign first', zh: '其SKU没有可添加的手动广告组：请先创建精准匹配广告活动' },
  ads_left_budget_acos: { en: 'out of budget {share} of the time, but its ACoS {acos} is above the target {target}: fix the bids before adding budget', zh: '有 {share} 的时间超出预算，但其ACoS {acos} 高于目标 {target}：先调整竞价再加预算' },
  no_ad_suggestion: { en: 'no ads suggestion {id}: list them with asterism ads terms|negatives|bids|budgets', zh: '没有编号为 {id} 的广告建议：可用 asterism ads terms|negatives|bids|budgets 查看' },
  ad_suggestion_decided: { en: 'ads suggestion {id} is already {status} (by {by} at {at})', zh: '广告建议 {id} 已是{status}状态（{by} 于 {at}）' },
  ads_export_none: { en: 'no approved ads changes waiting to be exported', zh: '没有待导出的已批准广告调整' },
  ads_target_bad: { en: 'target ACoS {value} is not a fraction between 0 and 1 (0.25 or 25%)', zh: '目标ACoS {value} 不是 0 到 1 之间的比例（0.25 或 25%）' },
  ads_bulk_read_sheet: { en: '{file} has no sheet named {sheet}: not a Sponsored Products bulk file', zh: '{file} 中没有名为 {sheet} 的工作表：不是商品推广批量文件' },
} as const satisfies Record<string, Texts>;

export type MessageKey = keyof typeof messages;

/** Both texts of a message, its parameters filled in. */
export function say(key: MessageKey, params: Readonly<Record<string, MessageParam>> = {}): Texts {
  const template = messages[key];
  return { en: fill(template.en, params, 'en'), zh: fill(template.zh, params, 'zh') };
}

function fill(template: string, params: Readonly<Record<string, MessageParam>>, lang: Lang): string {
  return template.replace(/\{([a-z_]+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'object' ? value[lang] : String(value);
  });
}

/** The same text in both languages (a file name, a reason only known in English). */
export const both = (text: string): Texts => ({ en: text, zh: text });

/** A cell's value as a message shows it: cut to about 60 characters, control characters made visible. */
export function shownValue(value: string, max = 60): string {
  const cut = value.length > max ? `${value.slice(0, max)}…` : value;
  // eslint-disable-next-line no-control-regex
  return cut.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `zh`, `zh-CN`, `zh_CN.UTF-8` → zh; `en…` → en; anything else → undefined. */
export function langOf(text: string | undefined): Lang | undefined {
  const t = text?.trim().toLowerCase();
  if (!t) return undefined;
  if (t.startsWith('zh')) return 'zh';
  if (t.startsWith('en')) return 'en';
  return undefined;
}

/** The language an HTTP client asks for (Accept-Language, by weight); English when it names neither. */
export function langOfAcceptLanguage(header: string | undefined): Lang {
  if (!header) return 'en';
  const ranked = header.split(',').map((part, order) => {
    const [tag, ...rest] = part.trim().split(';');
    const q = rest.map((r) => /^\s*q=([\d.]+)\s*$/.exec(r)?.[1]).find((v) => v !== undefined);
    return { lang: langOf(tag), q: q === undefined ? 1 : Number(q), order };
  });
  const best = ranked.filter((r) => r.lang && r.q > 0).sort((a, b) => b.q - a.q || a.order - b.order)[0];
  return best?.lang ?? 'en';
}
