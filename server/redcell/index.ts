/**
 * The red cell: its technique catalog, how a move's parameters are parsed and planned into API
 * calls, the GuardDuty findings a move raises, and when blue teams have contained it.
 */
export { techniques, techniqueById, techniqueView, techniqueViews } from './catalog.js';
export { parseMoveParams, planMove, moveCallContext, type ParseMoveResult } from './move.js';
export { detectFindings, detectFindingsInAccount, type DetectionContext, type DetectionInput, type DueFinding } from './detection/detect.js';
export { FINDING_LATENCY_SECONDS } from './detection/latency.js';
export { attackerDefaults, FALLBACK_ATTACKER } from './attacker.js';
export { isContained, moveContainment } from './containment.js';
export { breaksLegitimateActivity, type LegitimateActivity } from './legitimate.js';
export type { MoveParams, PlanContext, Technique } from './technique.js';
