/**
 * `load merge`: combines the summaries of the segments of one run (`--segment i/n` processes that
 * ran at the same time) into one: counts add up, achieved rates add up, latency histograms merge,
 * and every threshold is judged again on the whole.
 */
import { LoadConfigError, type LoadCommand } from './plan/commands.ts';
import { soakDrift } from './run-checks.ts';
import { mergeStatMaps } from './analyse/stats-merge.ts';
import { CommandStats } from './analyse/stats.ts';
import { buildSummary, type LoadSummary, type RunFacts } from './report/summary.ts';
import { judgeAll, type RunExpectation } from './analyse/thresholds.ts';

const sumOrNull = (xs: (number | null)[]): number | null => (xs.some((x) => x === null) ? null : Math.round(xs.reduce((a: number, b) => a + (b as number), 0) * 100) / 100);

export function mergeSummaries(list: LoadSummary[]): LoadSummary {
  const first = list[0];
  if (!first) throw new LoadConfigError('load merge needs at least one summary');
  if (list.some((s) => s.profile !== first.profile)) throw new LoadConfigError(`load merge: summaries of different profiles (${[...new Set(list.map((s) => s.profile))].join(', ')})`);
  if (first.profile === 'ceiling') throw new LoadConfigError('load merge: the ceiling search is not run in segments');
  const segments = list.flatMap((s) => s.segments).sort((a, b) => a.index - b.index);
  const seen = new Set(segments.map((s) => `${s.index}/${s.count}`));
  if (seen.size !== segments.length) throw new LoadConfigError('load merge: the same segment appears twice');
  const maps = list.map((s) => new Map(Object.entries(s.commands).map(([c, j]) => [c as LoadCommand, CommandStats.from(j)])));
  const stats = mergeStatMaps(maps, 'concurrent');
  const e = first.expectation;
  const expectation: RunExpectation = { expectation: e.kind, ceiling: e.documentedCeiling, burst: e.burst, seconds: e.seconds, throttleCode: e.throttleCode, throttleCodePinned: e.throttleCodePinned ?? true, limiter: e.limiter ?? 'gcra', serverRates: e.serverRates, segments: segments.length };
  const inconclusive = list.find((s) => s.verdict === 'inconclusive');
  const checks = inconclusive ? [] : judgeAll(stats, expectation);
  const soak = first.profile === 'soak' && !inconclusive ? [...stats.values()].map((s) => soakDrift(s, e.seconds)) : [];
  for (const d of soak) checks.push({ name: d.name, command: d.command, passed: d.passed, observed: d.observed, expected: d.expected });
  for (const s of list) {
    const tag = s.segments.map((x) => `${x.index}/${x.count}`).join(',');
    for (const c of s.checks.filter((x) => x.command === 'run')) checks.push({ ...c, observed: `segment ${tag}: ${c.observed}` });
  }
  const counts = segments[0]?.count ?? 1;
  const notes = [...first.notes];
  if (segments.length !== counts || segments.some((s) => s.count !== counts)) notes.push(`merged ${segments.length} segment(s) of ${counts}: the rate the target saw is lower than planned unless the rest ran elsewhere`);
  const emus = list.map((s) => s.emulator).filter((x) => x !== null);
  const emuPct = sumOrNull(emus.map((x) => x.cpuPercent));
  const leaks = list.map((s) => s.leakCheck).filter((x) => x !== null);
  const facts: RunFacts = {
    profile: first.profile,
    description: first.description,
    runIds: [...new Set(list.flatMap((s) => s.runIds))],
    segments,
    merged: true,
    target: first.target,
    startedAt: list.map((s) => s.startedAt).sort()[0] as string,
    finishedAt: list.map((s) => s.finishedAt).sort().at(-1) as string,
    expectation: e,
    generator: {
      tool: 'vegeta',
      version: [...new Set(list.map((s) => s.generator.version))].join(', '),
      cpuSeconds: sumOrNull(list.map((s) => s.generator.cpuSeconds)),
      cpuPercent: sumOrNull(list.map((s) => s.generator.cpuPercent)),
      workers: Math.max(...list.map((s) => s.generator.workers)),
      maxWorkers: Math.max(...list.map((s) => s.generator.maxWorkers)),
      attacks: list.reduce((n, s) => n + s.generator.attacks, 0),
    },
    emulator: emus.length ? { cpuSeconds: sumOrNull(emus.map((x) => x.cpuSeconds)), cpuPercent: emuPct, headroom: emuPct ? Math.round((100 / emuPct) * 10) / 10 : null, stats: emus.map((x) => x.stats) } : null,
    leakCheck: leaks.length
      ? {
          checkedUsers: leaks.reduce((n, l) => n + l.checkedUsers, 0),
          leftoverGroups: leaks.reduce((n, l) => n + l.leftoverGroups, 0),
          leftoverConversations: leaks.reduce((n, l) => n + l.leftoverConversations, 0),
          sessionsDeleted: leaks.reduce((n, l) => n + l.sessionsDeleted, 0),
          ...(leaks.some((l) => l.accountsDeleted !== undefined)
            ? { accountsDeleted: leaks.reduce((n, l) => n + (l.accountsDeleted ?? 0), 0), leftoverAccounts: leaks.reduce((n, l) => n + (l.leftoverAccounts ?? 0), 0) }
            : {}),
          passed: leaks.every((l) => l.passed),
          examples: leaks.flatMap((l) => l.examples).slice(0, 3),
        }
      : null,
    ceiling: null,
    soak: soak.length ? Object.fromEntries(soak.map((d) => [d.command, { firstP95: d.firstP95, lastP95: d.lastP95, firstErrors: d.firstErrors, lastErrors: d.lastErrors, windowSeconds: d.windowSeconds }])) : null,
    notes,
    ...(inconclusive ? { inconclusive: `segment ${inconclusive.segments.map((x) => `${x.index}/${x.count}`).join(',')}: ${inconclusive.reason ?? 'inconclusive'}` } : {}),
  };
  return buildSummary(facts, stats, checks);
}
