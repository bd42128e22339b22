/**
 * How long after the calls a GuardDuty finding appears, in scenario seconds. GuardDuty reads
 * CloudTrail, DNS and flow logs as independent streams and publishes a new finding within minutes.
 * The values are estimates, chosen to match the ApexCorp pack: its API findings appear 5 to 17
 * minutes after their last event, and its mining finding 13 minutes after the launch.
 */
export const FINDING_LATENCY_SECONDS = {
  /** Rule-based API findings: Tor caller, CloudTrail disabled, S3 policy changes, pentest client. */
  apiCall: 5 * 60,
  /** AnomalousBehavior findings, which wait for the anomaly model to score a burst of calls. */
  anomaly: 15 * 60,
  /** EC2 DNS findings: the instance boots, the miner starts and queries its pool, then GuardDuty reports. */
  ec2Dns: 20 * 60,
} as const;

/** Time from an instance's launch to its miner's first pool lookup (boot, then miner start); an estimate. */
export const MINER_FIRST_QUERY_SECONDS = 15 * 60;

export type LatencyClass = keyof typeof FINDING_LATENCY_SECONDS;

/** Add the latency of a finding class to an ISO scenario time. */
export function dueAfter(at: string, latency: LatencyClass): string {
  return new Date(Date.parse(at) + FINDING_LATENCY_SECONDS[latency] * 1_000).toISOString();
}
