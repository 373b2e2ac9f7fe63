import { adTypeNames, type AdType } from './ad-levels.ts';

/** The ad-type refusals, in English and Chinese (one message, `en / zh`, as the other import errors). */
const named = (types: readonly AdType[], lang: 'en' | 'zh') =>
  types.map((t) => `${adTypeNames[t][lang]} (${t})`).join(lang === 'en' ? ' or ' : ' 或 ');
const flag = (types: readonly AdType[]) => `--ad-type ${types.map((t) => t.toLowerCase()).join('|')}`;

export const adTypeMessages = {
  contradicts: (declared: string, allowed: readonly AdType[]) =>
    `--ad-type ${declared} does not fit this file: its columns make it ${named(allowed, 'en')}; nothing was written / ` +
    `--ad-type ${declared} 与文件内容不符：按列判断它是${named(allowed, 'zh')}；未写入任何数据`,
  conflicting: () =>
    'its columns belong to different ad products (for instance a 7-day window beside a Sponsored Display column): ' +
    'download the report again from one ad product\'s reports; nothing was written / ' +
    '文件的列分属不同的广告类型（例如 7 天归因窗口与展示型推广独有的列同时出现）：请从同一种广告的报告中重新下载；未写入任何数据',
  open: (allowed: readonly AdType[], store: string, marketplace: string) =>
    `its columns fit ${named(allowed, 'en')} alike (no column only one of them reports), and its campaigns are not all ` +
    `known as one of them in store "${store}" (${marketplace}): say which with ${flag(allowed)} (on the upload form: Ad type); nothing was written / ` +
    `文件的列同时符合${named(allowed, 'zh')}（没有只属于其中一种的列），其广告活动在店铺"${store}"（${marketplace}）中也不全属于同一种广告类型：` +
    `请用 ${flag(allowed)} 指明（上传页面：广告类型）；未写入任何数据`,
};
