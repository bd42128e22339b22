/** Limits enforced by the server and mirrored by the client's forms. */
export const Limits = {
  displayNameMaxLength: 40,
  exerciseNameMaxLength: 80,
  teamNameMaxLength: 40,
  teamsPerExerciseMax: 20,
  answerMaxLength: 500,
  sqlMaxLength: 20_000,
  /** Largest SQL length the server can be configured to accept (QUERY_MAX_SQL_LENGTH), below the socket message size. */
  sqlMaxLengthCeiling: 90_000,
  /** Entries of a team's query history kept and sent to its members. */
  queryHistoryMax: 50,
  /** Rows a query returns at most; the total is still counted. */
  queryRowsMax: 1_000,
  cloudTrailPageSizeMax: 200,
  /** Characters of one CloudTrail attribute filter value, the maximum of CloudTrail's LookupAttribute value. */
  cloudTrailFilterValueMaxLength: 2_000,
  /** Bars of the CloudTrail histogram at most; the bucket size is chosen so the span fits. */
  cloudTrailHistogramBucketsMax: 120,
  /** Bytes of one Socket.IO message (Engine.IO maxHttpBufferSize). */
  socketMessageMaxBytes: 100_000,
  /** Bytes of one Yjs WebSocket frame. */
  collabFrameMaxBytes: 1_000_000,
  /** Bytes of a team's Yjs document (timeline, report, checklist and notepad together). */
  collabDocumentMaxBytes: 5_000_000,
  /** Milliseconds an unauthenticated WebSocket may stay open. */
  authTimeoutMs: 1_000,
  joinCodeLength: 6,
  /** Minutes one extend request may add or remove. */
  extendMinutesMax: 600,
  /** Highest team size limit a facilitator may set. */
  teamSizeMax: 100,
  injectMessageMaxLength: 4_000,
  injectQuestionMaxLength: 2_000,
  injectAnswerMaxLength: 4_000,
  auditPageSizeMax: 500,
} as const;
