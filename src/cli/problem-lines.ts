import { problemIn, type Problem } from '../domain/errors.ts';
import { currentLanguage } from './language.ts';

/** A problem's line under a table, in the run's language (`--lang`, $ASTERISM_LANG, the locale). */
export const problemLine = (p: Problem): string => `${p.severity}: ${problemIn(p, currentLanguage()).message}`;
