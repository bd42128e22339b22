import { parseArgs } from 'node:util';
import { z } from 'zod';

export const Usage = `Usage: npm run bench:realtime -- [options]

Starts cloud-ir-lab and a bare Socket.IO server as separate processes on 127.0.0.1 and drives
them with simulated participants. Writes bench-results/realtime.json.

Options:
  --participants N   Participants in total; sets the number of exercises to N / (teams x members).
                     Default 300 (10 exercises x 5 teams x 6 members).
  --exercises N      Exercises (1-50).
  --teams N          Teams per exercise (1-20, default 5).
  --members N        Members per team (1-20, default 6).
  --measure SECONDS  Length of the measured window (10-600, default 30).
  --soak MINUTES     After the measured window, keep a steady load for this many minutes (1-240)
                     and compare memory at the end with memory after warm-up.
  --chaos            After the measured window, SIGKILL the server, restart it and check that
                     clients reconnect and that acknowledged submissions and edits survived.
  --out DIR          Folder for the JSON results (default bench-results).
  -h, --help         Show this help.
`;

/** Upper bound on simulated participants, so a typo cannot exhaust the machine's sockets or memory. */
const MaxParticipants = 3000;

const Options = z
  .object({
    participants: z.coerce.number().int().min(1).max(MaxParticipants).optional(),
    exercises: z.coerce.number().int().min(1).max(50).optional(),
    teams: z.coerce.number().int().min(1).max(20).default(5),
    members: z.coerce.number().int().min(1).max(20).default(6),
    measure: z.coerce.number().int().min(10).max(600).default(30),
    soak: z.coerce.number().int().min(1).max(240).optional(),
    chaos: z.boolean().default(false),
    out: z.string().min(1).default('bench-results'),
  })
  .strict();

export interface BenchOptions {
  exercises: number;
  teams: number;
  members: number;
  measureSeconds: number;
  soakMinutes: number | null;
  chaos: boolean;
  outDir: string;
}

export class OptionsError extends Error {}

/** Parses the bench's command line; throws an OptionsError that names the bad option. */
export function parseOptions(argv: string[]): BenchOptions | 'help' {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        participants: { type: 'string' },
        exercises: { type: 'string' },
        teams: { type: 'string' },
        members: { type: 'string' },
        measure: { type: 'string' },
        soak: { type: 'string' },
        chaos: { type: 'boolean' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new OptionsError((error as Error).message);
  }
  if (values.help) return 'help';
  const { help: _help, ...rest } = values;

  const parsed = Options.safeParse(rest);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new OptionsError(`--${issue.path.join('.')}: ${issue.message}`);
  }
  const options = parsed.data;
  const perExercise = options.teams * options.members;
  let exercises = options.exercises;
  if (options.participants !== undefined) {
    if (exercises !== undefined) throw new OptionsError('--participants and --exercises set the same thing; pass only one.');
    if (options.participants % perExercise !== 0) {
      throw new OptionsError(`--participants: ${options.participants} is not a multiple of teams x members (${perExercise}).`);
    }
    exercises = options.participants / perExercise;
    if (exercises > 50) throw new OptionsError(`--participants: ${options.participants} needs ${exercises} exercises; at most 50 are allowed.`);
  }
  exercises ??= Math.max(1, Math.round(300 / perExercise));
  if (exercises * perExercise > MaxParticipants) {
    throw new OptionsError(`${exercises * perExercise} participants requested; at most ${MaxParticipants} are allowed. Lower --exercises, --teams or --members.`);
  }
  return {
    exercises,
    teams: options.teams,
    members: options.members,
    measureSeconds: options.measure,
    soakMinutes: options.soak ?? null,
    chaos: options.chaos,
    outDir: options.out,
  };
}
