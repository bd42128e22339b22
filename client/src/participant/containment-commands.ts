/** One supported AWS CLI command as the containment help lists it. */
export interface CommandHelp {
  command: string;
  purpose: string;
  example: string;
}

export interface ServiceHelp {
  service: string;
  commands: CommandHelp[];
}

/**
 * The commands the containment console accepts, by service, with a typical use each. The
 * examples use names from the ApexCorp scenario, and ids such as `AKIA...` are placeholders to replace.
 * The list mirrors the server's parser in its order, and the red against blue browser test fails
 * when the two differ. `aws SERVICE COMMAND help` in the console prints the parser's own options.
 */
export const containmentCommands: readonly ServiceHelp[] = [
  {
    service: 'iam',
    commands: [
      { command: 'list-users', purpose: "List the account's IAM users", example: 'aws iam list-users' },
      { command: 'get-user', purpose: 'Show one user, or the caller without --user-name', example: 'aws iam get-user --user-name dev-deploy' },
      { command: 'list-roles', purpose: "List the account's roles", example: 'aws iam list-roles' },
      { command: 'list-policies', purpose: 'List the managed policies', example: 'aws iam list-policies' },
      { command: 'list-access-keys', purpose: "List a user's access keys and their status", example: 'aws iam list-access-keys --user-name dev-deploy' },
      { command: 'list-attached-user-policies', purpose: 'List the managed policies attached to a user', example: 'aws iam list-attached-user-policies --user-name dev-deploy' },
      { command: 'list-user-policies', purpose: "List a user's inline policies", example: 'aws iam list-user-policies --user-name dev-deploy' },
      { command: 'list-groups-for-user', purpose: "List a user's groups", example: 'aws iam list-groups-for-user --user-name dev-deploy' },
      { command: 'get-account-authorization-details', purpose: 'Show every user, group, role and policy with its permissions', example: 'aws iam get-account-authorization-details' },
      { command: 'create-access-key', purpose: 'Create a replacement key before revoking one that a pipeline uses', example: 'aws iam create-access-key --user-name dev-deploy' },
      { command: 'update-access-key', purpose: 'Deactivate (or activate) an access key', example: 'aws iam update-access-key --user-name dev-deploy --access-key-id AKIA... --status Inactive' },
      { command: 'delete-access-key', purpose: 'Delete an access key', example: 'aws iam delete-access-key --user-name dev-deploy --access-key-id AKIA...' },
      { command: 'delete-login-profile', purpose: "Remove a user's console password", example: 'aws iam delete-login-profile --user-name USER-NAME' },
      { command: 'update-login-profile', purpose: 'Force a password reset at the next sign-in', example: 'aws iam update-login-profile --user-name USER-NAME --password-reset-required' },
      { command: 'attach-user-policy', purpose: 'Attach a managed policy to a user', example: 'aws iam attach-user-policy --user-name USER-NAME --policy-arn POLICY-ARN' },
      { command: 'detach-user-policy', purpose: 'Detach a managed policy from a user', example: 'aws iam detach-user-policy --user-name dev-deploy --policy-arn arn:aws:iam::aws:policy/AdministratorAccess' },
      { command: 'attach-role-policy', purpose: 'Attach a managed policy to a role', example: 'aws iam attach-role-policy --role-name ROLE-NAME --policy-arn POLICY-ARN' },
      { command: 'detach-role-policy', purpose: 'Detach a managed policy from a role', example: 'aws iam detach-role-policy --role-name ROLE-NAME --policy-arn arn:aws:iam::aws:policy/AdministratorAccess' },
      {
        command: 'put-user-policy',
        purpose: 'Add an inline policy to a user, such as one that denies everything',
        example: `aws iam put-user-policy --user-name USER-NAME --policy-name deny-all --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}'`,
      },
      { command: 'delete-user-policy', purpose: 'Delete an inline policy of a user', example: 'aws iam delete-user-policy --user-name dev-deploy --policy-name POLICY-NAME' },
      {
        command: 'put-role-policy',
        purpose: 'Add an inline policy to a role',
        example: `aws iam put-role-policy --role-name ROLE-NAME --policy-name deny-all --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}'`,
      },
      { command: 'delete-role-policy', purpose: 'Delete an inline policy of a role', example: 'aws iam delete-role-policy --role-name ROLE-NAME --policy-name POLICY-NAME' },
      { command: 'remove-user-from-group', purpose: 'Remove a user from a group', example: 'aws iam remove-user-from-group --user-name dev-deploy --group-name Administrators' },
      {
        command: 'update-assume-role-policy',
        purpose: "Replace a role's trust policy",
        example: `aws iam update-assume-role-policy --role-name ROLE-NAME --policy-document '{"Version":"2012-10-17","Statement":[]}'`,
      },
      { command: 'set-default-policy-version', purpose: 'Roll a managed policy back to an earlier version', example: 'aws iam set-default-policy-version --policy-arn POLICY-ARN --version-id v1' },
      { command: 'delete-policy-version', purpose: 'Delete a version of a managed policy', example: 'aws iam delete-policy-version --policy-arn POLICY-ARN --version-id v2' },
      { command: 'delete-user', purpose: 'Delete a user (remove its keys, policies and groups first)', example: 'aws iam delete-user --user-name USER-NAME' },
    ],
  },
  {
    service: 'sts',
    commands: [{ command: 'get-caller-identity', purpose: 'Show who the console runs as', example: 'aws sts get-caller-identity' }],
  },
  {
    service: 'ec2',
    commands: [
      { command: 'describe-instances', purpose: 'List instances and their state', example: 'aws ec2 describe-instances' },
      { command: 'describe-security-groups', purpose: 'List security groups and their rules', example: 'aws ec2 describe-security-groups' },
      { command: 'describe-snapshots', purpose: 'List EBS snapshots', example: 'aws ec2 describe-snapshots' },
      { command: 'stop-instances', purpose: 'Stop instances', example: 'aws ec2 stop-instances --instance-ids i-0123456789abcdef0' },
      { command: 'terminate-instances', purpose: 'Terminate instances', example: 'aws ec2 terminate-instances --instance-ids i-0123456789abcdef0' },
      { command: 'revoke-security-group-ingress', purpose: 'Remove an inbound rule', example: 'aws ec2 revoke-security-group-ingress --group-id sg-0123456789abcdef0 --protocol tcp --port 22 --cidr 0.0.0.0/0' },
      {
        command: 'modify-snapshot-attribute',
        purpose: 'Stop sharing a snapshot with another account',
        example: 'aws ec2 modify-snapshot-attribute --snapshot-id snap-0123456789abcdef0 --attribute createVolumePermission --operation-type remove --user-ids 999999999999',
      },
      { command: 'create-snapshot', purpose: 'Preserve a volume as evidence', example: 'aws ec2 create-snapshot --volume-id vol-0123456789abcdef0 --description "IR evidence"' },
    ],
  },
  {
    service: 's3api',
    commands: [
      { command: 'list-buckets', purpose: 'List the buckets', example: 'aws s3api list-buckets' },
      { command: 'get-bucket-policy', purpose: "Show a bucket's policy", example: 'aws s3api get-bucket-policy --bucket BUCKET-NAME' },
      {
        command: 'put-bucket-policy',
        purpose: 'Replace a bucket policy, such as one that made the bucket public',
        example: `aws s3api put-bucket-policy --bucket BUCKET-NAME --policy '{"Version":"2012-10-17","Statement":[]}'`,
      },
      { command: 'delete-bucket-policy', purpose: 'Remove a bucket policy', example: 'aws s3api delete-bucket-policy --bucket BUCKET-NAME' },
      { command: 'get-public-access-block', purpose: "Show a bucket's public access block", example: 'aws s3api get-public-access-block --bucket BUCKET-NAME' },
      {
        command: 'put-public-access-block',
        purpose: 'Block public access to a bucket again',
        example: 'aws s3api put-public-access-block --bucket BUCKET-NAME --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
      },
      { command: 'delete-public-access-block', purpose: "Remove a bucket's public access block", example: 'aws s3api delete-public-access-block --bucket BUCKET-NAME' },
    ],
  },
  {
    service: 'cloudtrail',
    commands: [
      { command: 'describe-trails', purpose: 'List the trails', example: 'aws cloudtrail describe-trails' },
      { command: 'get-trail-status', purpose: 'Show whether a trail is logging', example: 'aws cloudtrail get-trail-status --name TRAIL-NAME' },
      { command: 'start-logging', purpose: 'Turn a stopped trail back on', example: 'aws cloudtrail start-logging --name TRAIL-NAME' },
      { command: 'stop-logging', purpose: 'Stop a trail (the attacker move that blue teams undo)', example: 'aws cloudtrail stop-logging --name TRAIL-NAME' },
      {
        command: 'put-event-selectors',
        purpose: 'Restore the events a trail records',
        example: `aws cloudtrail put-event-selectors --trail-name TRAIL-NAME --event-selectors '[{"ReadWriteType":"All","IncludeManagementEvents":true}]'`,
      },
    ],
  },
  {
    service: 'guardduty',
    commands: [
      { command: 'list-detectors', purpose: 'List the GuardDuty detectors', example: 'aws guardduty list-detectors' },
      { command: 'get-detector', purpose: 'Show whether a detector is enabled', example: 'aws guardduty get-detector --detector-id DETECTOR-ID' },
      { command: 'update-detector', purpose: 'Enable a disabled detector', example: 'aws guardduty update-detector --detector-id DETECTOR-ID --enable' },
      { command: 'create-detector', purpose: 'Create a detector after one was deleted', example: 'aws guardduty create-detector --enable' },
    ],
  },
];
