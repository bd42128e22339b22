import type { OptionSpec, ServiceSpec } from '../command-spec.js';
import { stringOption } from '../command-spec.js';

const enable: OptionSpec = { name: 'enable', kind: 'boolean', param: 'enable', required: true, help: 'Turn the detector on (--enable) or off (--no-enable).' };

export const guarddutyService: ServiceSpec = {
  name: 'guardduty',
  service: 'guardduty',
  summary: 'Threat detection findings and detectors.',
  commands: [
    { name: 'list-detectors', action: 'ListDetectors', summary: 'List the detector ids of the region.', options: [] },
    { name: 'get-detector', action: 'GetDetector', summary: 'Show whether a detector is enabled.', options: [stringOption('detector-id', 'detectorId', 'Id of the detector.', true)] },
    {
      name: 'update-detector',
      action: 'UpdateDetector',
      summary: 'Enable or disable a detector.',
      silent: true,
      options: [stringOption('detector-id', 'detectorId', 'Id of the detector.', true), enable],
    },
    { name: 'create-detector', action: 'CreateDetector', summary: 'Create a detector in the region.', options: [enable] },
  ],
};
