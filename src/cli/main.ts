import { InvalidInputError } from '../core/errors.js';
import { AUDIT_HELP, auditCommand } from './audit-command.js';
import { CHECK_HELP, checkCommand } from './check-command.js';
import { DOCTOR_HELP, doctorCommand } from './doctor-command.js';
import { INIT_HELP, initCommand } from './init-command.js';
import { type CliIO, UsageError } from './io.js';
import { RENDER_HELP, renderCommand } from './render-command.js';
import { VALIDATE_HELP, validateCommand } from './validate-command.js';
import { VERSION } from './version.js';

const HELP = `shipgate ${VERSION} — a production deployment checklist as a merge gate

Usage: shipgate <command> [options]

Commands:
  init [DIR]        detect the stack and write .github/shipgate.yml
  check [DIR]       run the automated checks of the checklist locally
  render [DIR]      print the checklist comment for a release PR
  validate [FILE]   validate templates and configs
  doctor --repo R   check an installation of the app on GitHub (APP_ID, PRIVATE_KEY)
  audit export      the auditor's evidence pack over merged releases (GITHUB_TOKEN)

Options: --help, --version, --debug (print stack traces)
Run "shipgate <command> --help" for a command's options.
`;

/** The CLI: returns the exit code. Errors never print a stack trace unless --debug. */
export async function main(io: CliIO): Promise<number> {
  const debug = io.argv.includes('--debug');
  const args = io.argv.filter((arg) => arg !== '--debug');
  const [command, ...rest] = args;
  try {
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      io.stdout.write(HELP);
      return command ? 0 : 2;
    }
    if (command === '--version' || command === '-v') {
      io.stdout.write(`${VERSION}\n`);
      return 0;
    }
    const help = {
      init: INIT_HELP,
      check: CHECK_HELP,
      render: RENDER_HELP,
      validate: VALIDATE_HELP,
      doctor: DOCTOR_HELP,
      audit: AUDIT_HELP,
    }[command];
    if (!help) throw new UsageError(`unknown command "${command}"`);
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write(help);
      return 0;
    }
    if (command === 'check') return await checkCommand(io, rest);
    if (command === 'init') return initCommand(io, rest);
    if (command === 'render') return await renderCommand(io, rest);
    if (command === 'doctor') return await doctorCommand(io, rest);
    if (command === 'audit') return await auditCommand(io, rest);
    return validateCommand(io, rest);
  } catch (error) {
    if (debug && error instanceof Error) io.stderr.write(`${error.stack}\n`);
    if (error instanceof InvalidInputError) {
      io.stderr.write(`shipgate: invalid input\n${error.message}\n`);
      return 2;
    }
    // Node's parseArgs errors can carry their class and code in the message; the reason is what follows.
    const message = (error instanceof Error ? error.message : String(error)).replace(
      /^\w*Error \[ERR_[A-Z_]+\]: /,
      '',
    );
    io.stderr.write(`shipgate: ${message}\n`);
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write('Run "shipgate --help" for usage.\n');
      return 2;
    }
    return 1;
  }
}
