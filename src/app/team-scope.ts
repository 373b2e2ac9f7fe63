import type { KpiRow, Scorecard } from '../analysis/index.ts';
import { problemOf, type Problem } from '../domain/errors.ts';
import { say } from '../domain/messages.ts';
import { hasRight, userRoleNames, type Principal } from '../domain/rights.ts';

/**
 * Other people's scorecards (issue 20): the owner and the manager (the `team` right) see everyone's; anyone else
 * sees the team's KPIs (no owner), their own (the KPI owner they answer as: their owner scope, else their name)
 * and their own role's scorecard, and a problem `others_hidden` says the rest are left out.
 */
export const kpiOwnerOf = (who: Principal): string => who.ownerScope ?? who.name;

interface Owned { owner: string | null }
interface TeamKpis { rows: KpiRow[]; scorecards: { people: Scorecard[]; roles: Scorecard[] }; findings: Owned[]; explanations?: Owned[] }

function roleNamesOf(who: Principal): Set<string> {
  const names = userRoleNames[who.role];
  return new Set([who.role, names.en, names.zh].map((n) => n.toLowerCase()));
}

function ownOnly<T extends TeamKpis>(kpis: T, who: Principal): { kpis: T; hidden: number } {
  const me = kpiOwnerOf(who);
  const mine = (o: Owned) => o.owner === null || o.owner === me;
  const roles = roleNamesOf(who);
  const people = kpis.scorecards.people.filter((s) => s.name === me);
  const roleCards = kpis.scorecards.roles.filter((s) => roles.has(s.name.toLowerCase()));
  const rows = kpis.rows.filter(mine);
  const hidden = kpis.rows.length - rows.length + kpis.scorecards.people.length - people.length + kpis.scorecards.roles.length - roleCards.length;
  return {
    kpis: {
      ...kpis, rows, scorecards: { people, roles: roleCards }, findings: kpis.findings.filter(mine),
      ...(kpis.explanations ? { explanations: kpis.explanations.filter(mine) } : {}),
    },
    hidden,
  };
}

const othersHidden = (who: Principal): Problem =>
  problemOf(say('others_hidden', { role: userRoleNames[who.role], owner: kpiOwnerOf(who) }), { code: 'others_hidden', severity: 'warning' });

/** An answer of `kpi_status`, `kpi_explain` or `report` as the user may see it; any other answer as it is. */
export function ownScorecards(name: string, answer: unknown, who: Principal): unknown {
  if (hasRight(who, 'team') || typeof answer !== 'object' || answer === null) return answer;
  const a = answer as Record<string, unknown>;
  if (name === 'kpi_status') {
    const { kpis, hidden } = ownOnly(a as unknown as TeamKpis & { problems: Problem[] }, who);
    return hidden === 0 ? kpis : { ...kpis, problems: [...((a.problems as Problem[] | undefined) ?? []), othersHidden(who)] };
  }
  if (name === 'kpi_explain') {
    const me = kpiOwnerOf(who);
    return { ...a, explanations: (a.explanations as Owned[]).filter((x) => x.owner === null || x.owner === me) };
  }
  if (name === 'report' && a.kpi && typeof a.kpi === 'object') {
    const { kpis, hidden } = ownOnly(a.kpi as TeamKpis, who);
    // a review's problems are plain texts in both languages
    const texts = say('others_hidden', { role: userRoleNames[who.role], owner: kpiOwnerOf(who) });
    return hidden === 0 ? { ...a, kpi: kpis } : { ...a, kpi: kpis, problems: [...((a.problems as unknown[] | undefined) ?? []), texts] };
  }
  return answer;
}
