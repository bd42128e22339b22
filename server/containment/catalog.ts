import type { CommandSpec, ServiceSpec } from './command-spec.js';
import { cloudtrailService } from './commands/cloudtrail.js';
import { ec2Service } from './commands/ec2.js';
import { guarddutyService } from './commands/guardduty.js';
import { iamService } from './commands/iam.js';
import { s3apiService } from './commands/s3api.js';
import { stsService } from './commands/sts.js';

/** Every service the containment console accepts, in the order help lists them. */
export const SERVICES: readonly ServiceSpec[] = [iamService, stsService, ec2Service, s3apiService, cloudtrailService, guarddutyService];

export function findService(name: string): ServiceSpec | undefined {
  return SERVICES.find((service) => service.name === name);
}

export function findCommand(service: ServiceSpec, name: string): CommandSpec | undefined {
  return service.commands.find((command) => command.name === name);
}

/** Find the command spec of an API action, so that the outcome of its call can be formatted. */
export function findCommandByAction(serviceName: string, action: string): CommandSpec | undefined {
  return SERVICES.find((service) => service.service === serviceName)?.commands.find((command) => command.action === action);
}
