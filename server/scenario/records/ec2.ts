/** EC2 request and response shapes for RunInstances, as CloudTrail records them. */

export interface InstanceLaunch {
  instanceId: string;
  imageId: string;
  instanceType: string;
  keyName?: string;
  subnetId: string;
  vpcId: string;
  privateIp: string;
  availabilityZone: string;
  securityGroup: { groupId: string; groupName: string };
  networkInterfaceId: string;
  macAddress: string;
  /** Launch time in milliseconds since the epoch; CloudTrail writes it as a number. */
  launchTime: number;
  clientToken: string;
  /** vCPU layout of the instance type. */
  coreCount: number;
  threadsPerCore: number;
  tags?: { key: string; value: string }[];
}

/** Returns the private DNS name EC2 assigns: `ec2.internal` in us-east-1, `<region>.compute.internal` elsewhere. */
export function privateDnsName(privateIp: string, region: string): string {
  const host = `ip-${privateIp.replaceAll('.', '-')}`;
  return region === 'us-east-1' ? `${host}.ec2.internal` : `${host}.${region}.compute.internal`;
}

function regionOfZone(availabilityZone: string): string {
  return availabilityZone.replace(/[a-z]$/, '');
}

/** Builds one item of `responseElements.instancesSet.items` for a new, pending instance. */
export function launchedInstanceItem(launch: InstanceLaunch, ownerId: string): Record<string, unknown> {
  const dnsName = privateDnsName(launch.privateIp, regionOfZone(launch.availabilityZone));
  const item: Record<string, unknown> = {
    instanceId: launch.instanceId,
    imageId: launch.imageId,
    currentInstanceBootMode: 'legacy-bios',
    instanceState: { code: 0, name: 'pending' },
    privateDnsName: dnsName,
  };
  if (launch.keyName !== undefined) {
    item.keyName = launch.keyName;
  }
  Object.assign(item, {
    amiLaunchIndex: 0,
    productCodes: {},
    instanceType: launch.instanceType,
    launchTime: launch.launchTime,
    placement: { availabilityZone: launch.availabilityZone, tenancy: 'default' },
    monitoring: { state: 'disabled' },
    subnetId: launch.subnetId,
    vpcId: launch.vpcId,
    privateIpAddress: launch.privateIp,
    stateReason: { code: 'pending', message: 'pending' },
    architecture: 'x86_64',
    rootDeviceType: 'ebs',
    rootDeviceName: '/dev/sda1',
    blockDeviceMapping: {},
    virtualizationType: 'hvm',
    hypervisor: 'xen',
  });
  if (launch.tags !== undefined) {
    item.tagSet = { items: launch.tags };
  }
  Object.assign(item, {
    clientToken: launch.clientToken,
    groupSet: { items: [launch.securityGroup] },
    sourceDestCheck: true,
    networkInterfaceSet: {
      items: [
        {
          networkInterfaceId: launch.networkInterfaceId,
          subnetId: launch.subnetId,
          vpcId: launch.vpcId,
          ownerId,
          status: 'in-use',
          macAddress: launch.macAddress,
          privateIpAddress: launch.privateIp,
          privateDnsName: dnsName,
          sourceDestCheck: true,
          interfaceType: 'interface',
          groupSet: { items: [launch.securityGroup] },
          attachment: {
            attachmentId: `eni-attach-${launch.networkInterfaceId.slice(4)}`,
            deviceIndex: 0,
            networkCardIndex: 0,
            status: 'attaching',
            attachTime: launch.launchTime,
            deleteOnTermination: true,
          },
          privateIpAddressesSet: { item: [{ privateIpAddress: launch.privateIp, privateDnsName: dnsName, primary: true }] },
          ipv6AddressesSet: {},
          tagSet: {},
        },
      ],
    },
    ebsOptimized: true,
    enaSupport: true,
    cpuOptions: { coreCount: launch.coreCount, threadsPerCore: launch.threadsPerCore },
    capacityReservationSpecification: { capacityReservationPreference: 'open' },
    enclaveOptions: { enabled: false },
    metadataOptions: {
      state: 'pending',
      httpTokens: 'optional',
      httpPutResponseHopLimit: 1,
      httpEndpoint: 'enabled',
      httpProtocolIpv4: 'enabled',
      httpProtocolIpv6: 'disabled',
      instanceMetadataTags: 'disabled',
    },
    maintenanceOptions: { autoRecovery: 'default' },
    privateDnsNameOptions: { hostnameType: 'ip-name', enableResourceNameDnsARecord: false, enableResourceNameDnsAAAARecord: false },
  });
  return item;
}

/** Builds the RunInstances responseElements for a reservation. */
export function runInstancesResponse(
  requestId: string,
  reservationId: string,
  ownerId: string,
  launches: readonly InstanceLaunch[],
): Record<string, unknown> {
  return {
    requestId,
    reservationId,
    ownerId,
    groupSet: {},
    instancesSet: { items: launches.map((launch) => launchedInstanceItem(launch, ownerId)) },
  };
}
