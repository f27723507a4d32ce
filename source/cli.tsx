#!/usr/bin/env node
import path from 'node:path';
import {render} from 'ink';
import meow from 'meow';
import {ApiBaseRefusedError, resolveApiBase} from './services/api/api-base.js';
import {LoginFlow} from './services/auth/login-flow.js';
import {ConfigError, loadConfig} from './services/config/config.js';
import {helpRows} from './services/keys/help.js';
import {resumeSession} from './services/session/active-session.js';
import {
	createFileSessionStore,
	createMemorySessionStore,
	type SessionStore,
} from './services/session/session-store.js';
import {App} from './ui/app.js';
import type {DemoAccount} from './ui/login/demo-credentials.js';
import {enterAlternateScreen} from './ui/start/alternate-screen.js';
import {createDebugLog} from './ui/start/debug-log.js';
import {checkNodeVersion} from './ui/start/node-version.js';
import {isStrayAbort} from './ui/start/stray-abort.js';
import {stopTransfers} from './ui/start/stop-transfers.js';
import {helpText} from './ui/start/help-text.js';
import {logoutSaved} from './ui/start/logout.js';
import {openBrowserServices} from './ui/start/open-browser.js';

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function main(argv: string[]): Promise<number> {
	const nodeProblem = checkNodeVersion(process.versions.node);
	if (nodeProblem) {
		process.stderr.write(`pdrive-tui: ${nodeProblem}\n`);
		return 1;
	}
	if (argv[0] === 'emulator') {
		const {runEmulatorFromArgv} = await import('./emulator/cli/run-from-argv.js');
		return runEmulatorFromArgv(argv.slice(1));
	}

	const cli = meow(helpText(), {
		importMeta: import.meta,
		argv,
		description: false,
		allowUnknownFlags: false,
		flags: {
			demo: {type: 'boolean', default: false},
			user: {type: 'string'},
			apiUrl: {type: 'string'},
			logout: {type: 'boolean', default: false},
			// A string, so that a wrong value is quoted back as typed ('abc', not NaN).
			concurrency: {type: 'string'},
			debug: {type: 'boolean', default: false},
		},
	});
	const {flags} = cli;

	if (flags.demo && flags.apiUrl) {
		process.stderr.write('pdrive-tui: --demo starts its own emulator; leave out --api-url.\n');
		return 2;
	}
	let apiBase: URL | undefined;
	if (!flags.demo) {
		try {
			apiBase = resolveApiBase(flags.apiUrl);
		} catch (error) {
			if (!(error instanceof ApiBaseRefusedError)) throw error;
			process.stderr.write(`pdrive-tui: ${error.message}\n`);
			return 2;
		}
	}

	let config: ReturnType<typeof loadConfig>;
	try {
		// The demo reads the user's settings but writes nothing into their config folder.
		config = loadConfig({overrides: {concurrency: flags.concurrency}, persist: !flags.demo});
	} catch (error) {
		if (!(error instanceof ConfigError)) throw error;
		process.stderr.write(`pdrive-tui: ${error.message}\n`);
		return 2;
	}
	for (const problem of config.problems) process.stderr.write(`pdrive-tui: ${problem}\n`);

	const log = createDebugLog(
		flags.debug ? path.join(path.dirname(config.path), 'debug.log') : undefined,
	);
	if (log.path) process.stderr.write(`pdrive-tui: debug log: ${log.path}\n`);
	log(`start ${flags.demo ? 'demo' : (apiBase?.origin ?? '')} concurrency=${config.concurrency}`);

	if (flags.logout) {
		if (flags.demo) {
			process.stdout.write('The demo never saves a session; nothing to do.\n');
			return 0;
		}
		const message = await logoutSaved({apiBase: apiBase!, store: createFileSessionStore()});
		log(`logout: ${message}`);
		process.stdout.write(`${message}\n`);
		return 0;
	}

	if (!process.stdin.isTTY || !process.stdout.isTTY) {
		process.stderr.write(
			'pdrive-tui needs an interactive terminal; run it directly in a terminal (stdin and stdout must not be redirected or piped).\n',
		);
		return 1;
	}

	let stopEmulator: (() => Promise<void>) | undefined;
	let demo: DemoAccount | undefined;
	let store: SessionStore;
	if (flags.demo) {
		process.stderr.write('pdrive-tui: starting the demo emulator…\n');
		const {startEmulator, DEMO_ACCOUNT} = await import('./emulator/start-emulator.js');
		const emulator = await startEmulator({port: 0, accounts: [DEMO_ACCOUNT], seed: 'demo'});
		// The seed signs in with the code of the moment; let the newcomer use that same code too.
		emulator.controls.allowTotpReplay(true);
		stopEmulator = () => emulator.stop();
		apiBase = resolveApiBase(emulator.url);
		demo = {...DEMO_ACCOUNT};
		store = createMemorySessionStore();
		log(`demo emulator on ${emulator.url}`);
	} else {
		store = createFileSessionStore();
	}
	const base = apiBase!;

	const screen = enterAlternateScreen(
		process.stdout,
		(error) => log(`fatal: ${errorText(error)}`),
		{
			isHarmlessRejection: isStrayAbort,
			onHarmless: () => log('ignored a stray abort left by a cancelled transfer'),
		},
	);
	let exitCode = 0;
	let services: ReturnType<typeof openBrowserServices> | undefined;
	const instance = render(
		<App
			resume={flags.demo ? undefined : () => resumeSession({apiBase: base, store})}
			createFlow={() => new LoginFlow({apiBase: base, store})}
			openBrowser={(session) => {
				log(`signed in; opening the browser`);
				services = openBrowserServices(session, {
					clientUid: config.clientUid,
					concurrency: config.concurrency,
				});
				return services;
			}}
			helpRows={helpRows()}
			onExit={() => instance.unmount()}
			initialUsername={flags.user}
			demo={demo}
		/>,
		// Both ends are terminals (checked above): interactive even where CI=true is set, which would make
		// Ink print only the last frame on exit.
		{exitOnCtrlC: false, alternateScreen: true, patchConsole: true, interactive: true},
	);
	try {
		await instance.waitUntilExit();
	} catch (error) {
		exitCode = 1;
		log(`exit with error: ${errorText(error)}`);
		screen.leave();
		process.stderr.write(`pdrive-tui: ${errorText(error)}\n`);
	}
	screen.leave();
	// Quitting with transfers running cancels them; downloads remove their temporary files.
	if (!(await stopTransfers(services?.queue))) log('some transfers did not stop in time');
	await stopEmulator?.().catch(() => {});
	log('exit');
	return exitCode;
}

main(process.argv.slice(2)).then(
	(code) => process.exit(code),
	(error: unknown) => {
		process.stderr.write(`pdrive-tui: ${errorText(error)}\n`);
		process.exit(1);
	},
);
