import {parseArgs} from 'node:util';

export interface EmulatorFlags {
	port: number;
	host?: string;
	data?: string;
	user?: string;
	password?: string;
	totp?: string;
	mailboxPassword?: string;
	seed?: string;
}

export const EMULATOR_USAGE = `Usage: pdrive-tui emulator --port PORT [--host 127.0.0.1] [--data DIR]
       [--user U --password P [--totp BASE32] [--mailbox-password M]] [--seed demo]`;

/** Parses the arguments after `emulator` (throws with a usable message on bad input). */
export function parseEmulatorArgs(argv: string[]): EmulatorFlags {
	const {values} = parseArgs({
		args: argv,
		strict: true,
		options: {
			port: {type: 'string'},
			host: {type: 'string'},
			data: {type: 'string'},
			user: {type: 'string'},
			password: {type: 'string'},
			totp: {type: 'string'},
			'mailbox-password': {type: 'string'},
			seed: {type: 'string'},
		},
	});
	const port = Number(values.port ?? '8787');
	if (!Number.isInteger(port) || port < 0 || port > 65535)
		throw new Error(`Invalid --port ${values.port}`);
	return {
		port,
		host: values.host,
		data: values.data,
		user: values.user,
		password: values.password,
		totp: values.totp,
		mailboxPassword: values['mailbox-password'],
		seed: values.seed,
	};
}
