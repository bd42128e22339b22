import { iamUserIdentity } from '../cloudtrail.js';
import { s3ListBucketsEvent, s3ListObjectsEvent, s3ObjectEvent } from '../shapes.js';
import { SECOND } from '../time.js';
import type { RecordLog } from './record-log.js';
import { attackerCall } from './record-log.js';
import type { StoryCast } from './story.js';
import { ACCOUNT_ID, at, ATTACKER, ATTACKER_CLI_USER_AGENT, EXFILTRATED_OBJECT_COUNT, EXFILTRATION_SPAN, PRIMARY_REGION } from './story.js';

/** Returns the object keys the attacker downloads, in the lexicographic order `aws s3 cp --recursive` uses. */
export function exfiltratedKeys(count: number): string[] {
  const documents = [
    'crm/contracts/enterprise-accounts-2025Q4.xlsx',
    'crm/contracts/enterprise-accounts-2026Q1.xlsx',
    'crm/pipeline/renewals-2026.csv',
    'finance/ar-aging-2026-04.xlsx',
    'finance/chargebacks-2026-04.csv',
  ];
  if (count < documents.length + 2) {
    throw new Error(`the exfiltration needs at least ${documents.length + 2} objects, got ${count}`);
  }
  const paymentParts = Math.max(1, Math.round(count * 0.2));
  const customerParts = count - documents.length - paymentParts;
  const part = (n: number): string => String(n).padStart(4, '0');
  const keys = [...documents];
  for (let n = 1; n <= customerParts; n++) {
    keys.push(`exports/customers/2026-04/customers-part-${part(n)}.csv.gz`);
  }
  for (let n = 1; n <= paymentParts; n++) {
    keys.push(`exports/payments/2026-04/payments-part-${part(n)}.csv.gz`);
  }
  return keys.sort();
}

/** Adds the S3 data theft with the backdoor key: bucket listings, then GetObject calls spread over EXFILTRATION_SPAN. */
export function addExfiltration(log: RecordLog, story: StoryCast): void {
  const devDeploy = story.cast.ci;
  const key = story.backdoorKeyId;
  const bucket = story.cast.buckets.customerData;
  const base = (time: string | number) => ({
    accountId: ACCOUNT_ID,
    time: typeof time === 'number' ? time : at(time),
    identity: iamUserIdentity(devDeploy, key),
    region: PRIMARY_REGION,
    sourceIp: ATTACKER.ip,
    userAgent: ATTACKER_CLI_USER_AGENT,
    tlsVersion: 'TLSv1.2' as const,
  });

  log.add('exfiltration/get-caller-identity', () =>
    attackerCall(devDeploy, key, at('2026-05-08T02:11:02Z'), {
      eventSource: 'sts.amazonaws.com',
      eventName: 'GetCallerIdentity',
      requestParameters: null,
      readOnly: true,
      tlsHost: 'sts.amazonaws.com',
    }),
  );
  log.add('exfiltration/list-buckets', (rng) => s3ListBucketsEvent(base('2026-05-08T02:11:40Z'), rng));
  log.add('exfiltration/list-objects-root', (rng) =>
    s3ListObjectsEvent({ ...base('2026-05-08T02:12:15Z'), bucket, prefix: '', bytes: 1_912 }, rng),
  );
  log.add('exfiltration/list-objects-exports', (rng) =>
    s3ListObjectsEvent({ ...base('2026-05-08T02:12:48Z'), bucket, prefix: 'exports/', bytes: 14_386 }, rng),
  );

  const keys = exfiltratedKeys(EXFILTRATED_OBJECT_COUNT);
  const spanStart = at(EXFILTRATION_SPAN.start);
  const step = Math.floor((at(EXFILTRATION_SPAN.end) - spanStart) / keys.length / SECOND) * SECOND;
  keys.forEach((objectKey, index) => {
    log.add(`exfiltration/get-object-${objectKey}`, (rng) => {
      const jitter = rng.int(0, Math.min(5, Math.max(0, step / SECOND - 1))) * SECOND;
      const isArchive = objectKey.endsWith('.csv.gz');
      // Export parts of 2 to 6 MB add up to about 5 GB, a volume a Tor circuit can carry in the span.
      const bytes = isArchive ? rng.int(2_000_000, 6_200_000) : rng.int(480_000, 3_900_000);
      return s3ObjectEvent({ ...base(spanStart + index * step + jitter), eventName: 'GetObject', bucket, key: objectKey, bytes }, rng);
    });
  });
}

