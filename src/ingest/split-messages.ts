/** What a file split per marketplace says, in both languages (data in one place). */

const count = (n: number) => n.toLocaleString('en');

/** Lines of a several-marketplace file that name no marketplace, and whose currency does not tell which of them. */
export function unplacedMessage(lines: number, currency: string | null, marketplaces: readonly string[]): { en: string; zh: string } {
  const list = marketplaces.join(', ');
  const which = currency
    ? { en: `their currency ${currency} is that of several of the file's marketplaces or of none (${list})`, zh: `其币种 ${currency} 对应文件中的多个站点或不对应任何站点（${list}）` }
    : { en: `they name no currency (the file names ${list})`, zh: `也未写明币种（文件中的站点：${list}）` };
  return {
    en: `${count(lines)} line(s) name no marketplace and ${which.en}: give --marketplace for the lines that name none`,
    zh: `${count(lines)} 行未写明站点，${which.zh}：请用 --marketplace 指定这些行所属的站点`,
  };
}

/** Transaction lines of the other source (payments or settlement) already on the file's days: both would count. */
export function bothSourcesMessage(lines: number, other: string, marketplaces: string): { en: string; zh: string } {
  const names: Record<string, { en: string; zh: string }> = {
    payments_date_range: { en: 'a payments (date range) report', zh: '付款日期范围报告' },
    settlement_v2: { en: 'a settlement report', zh: '结算报告' },
  };
  const name = names[other] ?? { en: other, zh: other };
  return {
    en: `${count(lines)} transaction line(s) of ${name.en} already cover these days in ${marketplaces}: profit counts both; undo one of the two imports`,
    zh: `${name.zh}已有 ${count(lines)} 行交易覆盖 ${marketplaces} 的这些日期：利润会重复计算两者；请撤销其中一次导入`,
  };
}
