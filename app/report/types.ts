/** Shapes the combined report shares with its callers (the `run` and `report` commands), apart from any renderer. */

/** What the report says about the run itself: id, target, times, tool versions (built by app/run/meta.ts). */
export interface RunMeta {
  runId: string;
  target: string;
  startedAt: string;
  finishedAt: string;
  versions: Record<string, string>;
}
