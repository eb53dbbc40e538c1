/**
 * Where "now" comes from. The data store carries one, so every time Lectern stamps (a talk's updatedAt, a profile's
 * lastOpenedAt, a run's createdAt) can be set by a test and asserted exactly, instead of "some time after the call".
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stays where it is put: tests set it, then assert the exact time written. */
export class ManualClock implements Clock {
  private current: Date;

  constructor(start: Date | string) {
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  set(to: Date | string): void {
    this.current = new Date(to);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
