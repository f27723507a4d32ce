import {EMULATOR_USAGE, parseEmulatorArgs} from './emulator-args.js';
import {runEmulatorCommand} from './emulator-command.js';

/** Parses `emulator` arguments and runs the command; returns the exit code. */
export async function runEmulatorFromArgv(argv: string[]): Promise<number> {
	let flags: ReturnType<typeof parseEmulatorArgs>;
	try {
		flags = parseEmulatorArgs(argv);
	} catch (error) {
		process.stderr.write(`pdrive-tui emulator: ${(error as Error).message}\n${EMULATOR_USAGE}\n`);
		return 2;
	}
	return runEmulatorCommand(flags);
}
