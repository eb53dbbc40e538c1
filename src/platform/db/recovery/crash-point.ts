/**
 * Named points inside multi-step file operations where the test suite cuts the power: with LECTERN_CRASH_AT set to a
 * point's name, the process kills itself there with SIGKILL (no cleanup, no finally, like a power cut), so tests can
 * prove what the next start makes of the files. Unset (always, outside tests), it does nothing.
 */
export function crashPoint(name: string): void {
  if (process.env.LECTERN_CRASH_AT === name) process.kill(process.pid, 'SIGKILL');
}
