/** A problem located in a file: what the CLI prints as `file:line: message`. */
export interface Problem {
  file: string;
  line: number;
  message: string;
}

export class ShipgateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShipgateError';
  }
}

/** A template or config that cannot be used; carries every problem found, not just the first. */
export class InvalidInputError extends ShipgateError {
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InvalidInputError';
  }
}

export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}: ${problem.message}`;
}
