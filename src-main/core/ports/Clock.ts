/** The current time. A port so that reminders, throttling and timestamps can be tested with a fake clock. */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }
