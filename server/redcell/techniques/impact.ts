import { apiCall, instancesHalted, keyRevoked, launchedInstanceIds } from '../calls.js';
import { param } from '../params.js';
import { defineTechnique, type Technique } from '../technique.js';

export const gpuMiners = defineTechnique({
  id: 'launch-gpu-miners',
  name: 'Launch GPU instances to mine cryptocurrency',
  tactic: 'impact',
  mitre: { id: 'T1496', name: 'Resource Hijacking' },
  description:
    'Launch several GPU instances, often in a region the company does not use, that start a miner at boot. GuardDuty raises a finding per instance once the miner looks up its pool, some minutes after launch. Contained once every launched instance is stopped or terminated.',
  calls: ['ec2:RunInstances'],
  params: {
    region: param.region(true, { label: 'Region', defaultValue: 'eu-west-1', help: 'Region to launch in.' }),
    count: param.count(1, 20, { label: 'Instances', defaultValue: '4', help: 'How many instances to launch.' }),
    instanceType: param.instanceType({ label: 'Instance type', defaultValue: 'g4dn.xlarge', help: 'GPU instance type to launch.' }),
    imageId: param.imageId({ label: 'AMI', defaultValue: 'ami-0c02fb55956c7d316', help: 'Image with the miner baked in.' }),
  },
  findingTypes: ['CryptoCurrency:EC2/BitcoinTool.B!DNS', 'UnauthorizedAccess:IAMUser/TorIPCaller'],
  plan: (params) => [apiCall('ec2', 'RunInstances', { imageId: params.imageId, instanceType: params.instanceType, minCount: params.count, maxCount: params.count }, params.region)],
  isContained: (_params, outcomes, state) => instancesHalted(state, launchedInstanceIds(outcomes)),
});

export const terminateInstances = defineTechnique({
  id: 'terminate-instances',
  name: 'Terminate instances',
  tactic: 'impact',
  mitre: { id: 'T1485', name: 'Data Destruction' },
  description:
    'Terminate running instances, which deletes their root volumes by default. Cannot be undone, so the move counts as contained once its key is revoked and no more damage can follow.',
  calls: ['ec2:TerminateInstances'],
  params: {
    instanceIds: param.instances({ label: 'Instances', help: 'Instance ids separated by commas or spaces.' }),
    region: param.region(false, { label: 'Region', help: "Region of the instances; empty for the first instance's region." }),
  },
  findingTypes: ['Impact:IAMUser/AnomalousBehavior', 'UnauthorizedAccess:IAMUser/TorIPCaller'],
  plan: (params, context) => {
    const region = params.region ?? context.state.instances[params.instanceIds[0] ?? '']?.region ?? context.region;
    return [apiCall('ec2', 'TerminateInstances', { instanceIds: params.instanceIds }, region)];
  },
  isContained: (params, _outcomes, state) => keyRevoked(state, params.accessKey),
});

export const impactTechniques: Technique[] = [gpuMiners, terminateInstances];
