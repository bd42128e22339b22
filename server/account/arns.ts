/** ARNs of the model's resources, in the forms IAM, S3, EC2, CloudTrail and GuardDuty use. */

export const userArn = (accountId: string, userName: string): string => `arn:aws:iam::${accountId}:user/${userName}`;
export const roleArn = (accountId: string, roleName: string): string => `arn:aws:iam::${accountId}:role/${roleName}`;
export const groupArn = (accountId: string, groupName: string): string => `arn:aws:iam::${accountId}:group/${groupName}`;
export const customerPolicyArn = (accountId: string, policyName: string): string => `arn:aws:iam::${accountId}:policy/${policyName}`;
export const trailArn = (accountId: string, region: string, name: string): string => `arn:aws:cloudtrail:${region}:${accountId}:trail/${name}`;
export const bucketArn = (bucketName: string): string => `arn:aws:s3:::${bucketName}`;
export const objectArn = (bucketName: string, key: string): string => `arn:aws:s3:::${bucketName}/${key}`;
export const detectorArn = (accountId: string, region: string, detectorId: string): string => `arn:aws:guardduty:${region}:${accountId}:detector/${detectorId}`;

/** Build an EC2 resource ARN such as `arn:aws:ec2:us-east-1:123456789012:instance/i-0abc`. */
export function ec2Arn(accountId: string, region: string, type: string, id: string): string {
  return `arn:aws:ec2:${region}:${accountId}:${type}/${id}`;
}

/** Return the last path segment of an ARN, such as the role name in a role or instance profile ARN. */
export function lastSegment(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1) || arn;
}

/** Split a CloudTrail trail ARN into region, account and name; null when the text is a plain name. */
export function parseTrailArn(value: string): { region: string; accountId: string; name: string } | null {
  const match = /^arn:aws[a-z-]*:cloudtrail:([a-z0-9-]+):(\d{12}):trail\/(.+)$/.exec(value);
  if (!match) return null;
  return { region: match[1]!, accountId: match[2]!, name: match[3]! };
}
