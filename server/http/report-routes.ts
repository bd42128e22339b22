import express, { type Response, type Router } from 'express';
import { z } from 'zod';
import { ErrorCode } from '../../shared/errors.js';
import { mayAccessExercise, resolvePrincipal } from '../exercise/principal.js';
import type { AppLogger } from '../logger.js';
import { describeInvalid } from '../realtime/handler.js';
import { buildAfterActionReport, type AfterActionReport } from '../report/after-action.js';
import { buildExerciseReport, renderExerciseHtml, renderExerciseMarkdown, type ExerciseReport } from '../report/exercise-report.js';
import { attackChain, gatherTeamReport, type ReportSources } from '../report/gather.js';
import { renderHtml } from '../report/html.js';
import { renderMarkdown } from '../report/markdown.js';
import { fileSafeName, reportArchive } from '../report/report-archive.js';
import type { ScenarioCatalog } from '../scenario/catalog.js';
import type { Store } from '../store/store.js';
import { send } from './api-routes.js';

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'must contain only letters, digits, "-" and "_"');
const ReportQuery = z.strictObject({
  format: z.enum(['json', 'markdown', 'html', 'zip'], { message: 'must be json, markdown, html or zip' }).default('json'),
  /** One team's report. Without it, every team in one document, and as zip one file per team as well. */
  team: id.optional(),
});

const ContentTypes = { json: 'application/json', markdown: 'text/markdown; charset=utf-8', html: 'text/html; charset=utf-8', zip: 'application/zip' } as const;
const Extensions = { json: 'json', markdown: 'md', html: 'html', zip: 'zip' } as const;

function download(response: Response, format: keyof typeof ContentTypes, baseName: string, body: string | Uint8Array): void {
  const safeName = fileSafeName(baseName, 'report');
  const payload = typeof body === 'string' ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  response.status(200).type(ContentTypes[format]).set('Content-Disposition', `attachment; filename="${safeName}.${Extensions[format]}"`).send(payload);
}

/**
 * `GET /exercises/:exerciseId/report?format=json|markdown|html|zip[&team=<teamId>]`: the
 * after-action report of one team, or of every team in one document, for a facilitator of the
 * exercise who sends the sign-in token as `Authorization: Bearer <token>`. Sent as a file download.
 * A zip contains every format, of the whole exercise and of each team.
 */
export function reportRoutes(store: Store, scenarios: ScenarioCatalog, sources: ReportSources, facilitatorToken: string, logger: AppLogger): Router {
  const router = express.Router();
  router.get('/exercises/:exerciseId/report', async (request, response) => {
    const token = /^Bearer (.+)$/i.exec(request.get('authorization') ?? '')?.[1]?.trim();
    const principal = resolvePrincipal(token, store.read(), facilitatorToken);
    if (!principal) {
      return send(response, { ok: false, error: { code: ErrorCode.Unauthenticated, message: 'Send a valid sign-in token as "Authorization: Bearer <token>".' } });
    }
    const exerciseId = id.safeParse(request.params.exerciseId);
    if (!exerciseId.success) return send(response, { ok: false, error: { ...describeInvalid(exerciseId.error), field: 'exerciseId' } });
    if (principal.role !== 'facilitator' || !mayAccessExercise(principal, exerciseId.data)) {
      logger.warn({ role: principal.role, exerciseId: exerciseId.data }, 'report request rejected');
      return send(response, { ok: false, error: { code: ErrorCode.Forbidden, message: 'Only a facilitator of this exercise may download its after-action report.' } });
    }
    const query = ReportQuery.safeParse(request.query);
    if (!query.success) return send(response, { ok: false, error: describeInvalid(query.error) });

    const data = store.read();
    const exercise = data.exercises.find((candidate) => candidate.id === exerciseId.data);
    if (!exercise) return send(response, { ok: false, error: { code: ErrorCode.NotFound, message: `Exercise "${exerciseId.data}" was not found.`, field: 'exerciseId' } });
    const teams = data.teams.filter((team) => team.exerciseId === exercise.id && (query.data.team === undefined || team.id === query.data.team));
    if (query.data.team !== undefined && teams.length === 0) {
      return send(response, { ok: false, error: { code: ErrorCode.NotFound, message: `Team "${query.data.team}" was not found in this exercise. Leave out "team" for every team.`, field: 'team' } });
    }

    try {
      const scenario = await scenarios.get(exercise.scenarioId);
      const chain = await attackChain(scenario, sources);
      const reports: AfterActionReport[] = [];
      for (const team of teams) reports.push(buildAfterActionReport(await gatherTeamReport(data, exercise, scenario, team.id, chain, sources)));

      const { format } = query.data;
      if (format === 'zip') {
        const whole: ExerciseReport | null =
          query.data.team === undefined ? buildExerciseReport(data, exercise, scenario.manifest.title, reports) : null;
        const baseName = query.data.team === undefined ? `${exercise.name}-all-teams` : `${exercise.name}-${reports[0]!.team.name}`;
        return download(response, format, baseName, reportArchive(whole, reports));
      }
      if (query.data.team !== undefined) {
        const report = reports[0]!;
        const body = format === 'json' ? JSON.stringify(report, null, 2) : format === 'markdown' ? renderMarkdown(report) : renderHtml(report);
        return download(response, format, `${exercise.name}-${report.team.name}`, body);
      }
      const whole = buildExerciseReport(data, exercise, scenario.manifest.title, reports);
      const body = format === 'json' ? JSON.stringify(whole, null, 2) : format === 'markdown' ? renderExerciseMarkdown(whole) : renderExerciseHtml(whole);
      download(response, format, `${exercise.name}-all-teams`, body);
    } catch (error) {
      logger.error({ err: error, exerciseId: exercise.id }, 'after-action report failed');
      send(response, { ok: false, error: { code: ErrorCode.Internal, message: 'The report could not be built. Check the server log and retry.' } });
    }
  });
  return router;
}
