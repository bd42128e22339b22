/**
 * Points of red against blue. Blue teams earn them through the score adjustments the server
 * writes, so they show on the scoreboard and in the reports like any other points.
 */
export const RedBluePoints = {
  /** A team put one of the move's events or findings on its timeline. */
  detect: 30,
  /** A team's command undid what the move gained. */
  contain: 40,
  /** A team's command broke the account's legitimate work, such as the CI pipeline's only key. */
  breakLegitimate: -25,
  /** The red cell's move stayed off a team's timeline for `undetectedAfterMs` of exercise time. */
  undetected: 20,
  /** The red cell's move reached data: an exfiltration move read an object, shared a snapshot or opened a bucket. */
  dataReached: 15,
} as const;

/** Exercise time after which a move that no team detected earns the red cell points. */
export const UndetectedAfterMs = 10 * 60_000;
