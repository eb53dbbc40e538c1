/**
 * A one-line progress display on a terminal ("[2/5] profile prof_… verifying"), silent when stderr is not a TTY or
 * when the output is JSON for a script.
 */
export class Progress {
  private readonly enabled: boolean;

  constructor(
    private readonly total: number,
    quiet: boolean,
  ) {
    this.enabled = !quiet && process.stderr.isTTY === true && total > 0;
  }

  step(index: number, label: string): void {
    if (!this.enabled) return;
    const width = 20;
    const filled = Math.round(((index + 1) / this.total) * width);
    process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${index + 1}/${this.total} ${label}`.padEnd(100));
  }

  done(): void {
    if (this.enabled) process.stderr.write('\r'.padEnd(101) + '\r');
  }
}
