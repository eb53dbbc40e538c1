// Types for scripts/mutation-retest.mjs (its test imports it). The report is StrykerJS's JSON report, cut down to what
// the retest reads.
export interface ReportMutant {
  id: string;
  mutatorName: string;
  replacement: string;
  status: string;
  statusReason?: string;
  killedBy?: string[];
  location: { start: { line: number; column: number }; end: { line: number; column: number } };
}
export interface MutationReport {
  files: Record<string, { source: string; mutants: ReportMutant[] }>;
}
export function survivorRanges(report: MutationReport, root: string): string[];
export function mergeRetest(report: MutationReport, retest: MutationReport, retestedAt: string): { report: MutationReport; killed: number };
