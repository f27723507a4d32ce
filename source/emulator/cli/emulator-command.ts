import {type AccountSpec, DEMO_ACCOUNT, isLoopbackHost, startEmulator} from '../start-emulator.js';
import type {EmulatorFlags} from './emulator-args.js';

export type {EmulatorFlags};

/**
 * `pdrive-tui emulator ...`: starts the emulator, prints `listening <url>` as the first line once it
 * accepts connections, then the account it serves, and stops on SIGINT/SIGTERM.
 * Resolves when the emulator has stopped.
 */
export async function runEmulatorCommand(
	flags: EmulatorFlags,
	io: {out: (line: string) => void; err: (line: string) => void} = {
		out: (l) => process.stdout.write(`${l}\n`),
		err: (l) => process.stderr.write(`${l}\n`),
	},
): Promise<number> {
	const host = flags.host ?? '127.0.0.1';
	if (!isLoopbackHost(host)) {
		io.err(
			`pdrive-tui emulator: refusing --host ${host}; the emulator only listens on loopback (127.0.0.1, ::1).`,
		);
		return 2;
	}
	if (flags.seed !== undefined && flags.seed !== 'demo') {
		io.err(`pdrive-tui emulator: unknown --seed ${flags.seed} (only "demo")`);
		return 2;
	}
	if ((flags.user === undefined) !== (flags.password === undefined)) {
		io.err('pdrive-tui emulator: --user and --password go together');
		return 2;
	}
	const custom = flags.user !== undefined && flags.password !== undefined;
	const account: AccountSpec = custom
		? {
				username: flags.user!,
				password: flags.password!,
				totpSecret: flags.totp,
				mailboxPassword: flags.mailboxPassword,
			}
		: {...DEMO_ACCOUNT};
	const emulator = await startEmulator({
		port: flags.port,
		host,
		accounts: [account],
		dataDir: flags.data,
		seed: flags.seed === 'demo' ? 'demo' : undefined,
	});
	io.out(`listening ${emulator.url}`);
	io.out(`account: ${account.username}`);
	// The password came from the command line (or is the public demo one): never echo a custom one.
	io.out(`password: ${custom ? '(as given)' : DEMO_ACCOUNT.password}`);
	if (account.mailboxPassword) io.out('mailbox password: (as given; two-password mode)');
	if (account.totpSecret) io.out(`totp secret: ${account.totpSecret}`);
	if (flags.data) io.out(`data: ${flags.data}`);

	await new Promise<void>((resolve) => {
		const stop = () => {
			process.off('SIGINT', stop);
			process.off('SIGTERM', stop);
			resolve();
		};
		process.on('SIGINT', stop);
		process.on('SIGTERM', stop);
	});
	await emulator.stop();
	io.out('stopped');
	return 0;
}
