import { say, type Texts } from '../../domain/messages.ts';
import { adTypeNames, type AdType } from './ad-levels.ts';

/** The ad-type refusals, in English and Chinese (texts in the catalog, domain/messages.ts). */
const named = (types: readonly AdType[]): Texts => ({
  en: types.map((t) => `${adTypeNames[t].en} (${t})`).join(' or '),
  zh: types.map((t) => `${adTypeNames[t].zh} (${t})`).join(' 或 '),
});
const flag = (types: readonly AdType[]) => `--ad-type ${types.map((t) => t.toLowerCase()).join('|')}`;

export const adTypeMessages = {
  contradicts: (declared: string, allowed: readonly AdType[]): Texts => say('ad_type_contradicted', { declared, allowed: named(allowed) }),
  conflicting: (): Texts => say('ad_type_conflicting'),
  open: (allowed: readonly AdType[], store: string, marketplace: string): Texts =>
    say('ad_type_open', { allowed: named(allowed), store, marketplace, flag: flag(allowed) }),
};
