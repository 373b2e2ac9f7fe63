/** What the foreign-keys guard and undo say, in both languages (data in one place). */

/** The seller's word for each guard key column. */
export const keyNames: Record<string, { en: string; zh: string }> = {
  campaign: { en: 'campaigns', zh: '广告活动' },
  asin: { en: 'ASINs', zh: 'ASIN' },
  sku: { en: 'SKUs', zh: 'SKU' },
  order_id: { en: 'order ids', zh: '订单号' },
  metric: { en: 'metrics', zh: '指标' },
};

const keyName = (column: string) => keyNames[column] ?? { en: column, zh: column };
const count = (n: number) => n.toLocaleString('en');

export function guardMessage(column: string, replaced: number, absent: number, keys: readonly string[], absentKeys: number): { en: string; zh: string } {
  const name = keyName(column);
  const more = absentKeys > keys.length;
  const list = keys.join(', ') + (more ? `, … (${count(absentKeys)} in all)` : '');
  const listZh = keys.join('、') + (more ? `…（共 ${count(absentKeys)} 个）` : '');
  return {
    en: `this file would replace ${count(replaced)} row${replaced === 1 ? '' : 's'} imported earlier, and the ${name.en} of ${count(absent)} of them are not in it (${list}): `
      + 'it may be another report or another store\'s file. Nothing was written. If it is the right file for these days, import it again with --replace',
    zh: `此文件将替换之前导入的 ${count(replaced)} 行，其中 ${count(absent)} 行的${name.zh}不在此文件中（${listZh}）：`
      + '它可能是另一种报告或另一店铺的文件。未写入任何数据。如确认是这些日期的正确文件，请加 --replace 重新导入',
  };
}

export const undoMessages = {
  notFound: (id: string) => ({ en: `no import ${id}: see \`asterism imports list\``, zh: `没有编号为 ${id} 的导入：请查看 \`asterism imports list\`` }),
  alreadyUndone: (id: string) => ({ en: `import ${id} was already undone`, zh: `导入 ${id} 已撤销` }),
  later: (id: string, later: readonly { id: string; file: string }[]) => {
    const names = later.map((l) => `${l.id} (${l.file})`).join(', ');
    return {
      en: `import ${id} cannot be undone yet: later import ${names} replaced or covers the same rows. Undo ${later.length > 1 ? 'them' : 'it'} first, newest first; nothing was changed`,
      zh: `导入 ${id} 暂不能撤销：之后的导入 ${names} 替换了或覆盖了相同的数据行。请先（从最新的开始）撤销它们；未做任何更改`,
    };
  },
};
