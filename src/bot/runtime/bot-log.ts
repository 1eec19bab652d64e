/**
 * The logging the handlers use: Probot's pino logger fits it, and so does the Action's logger
 * (bot mode), which writes through @actions/core instead.
 */
type LogMethod = (fieldsOrMessage: object | string, message?: string) => void;

export interface BotLog {
  debug: LogMethod;
  info: LogMethod;
  warn: LogMethod;
  error: LogMethod;
  child(bindings: Record<string, unknown>): BotLog;
}
