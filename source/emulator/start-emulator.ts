import {type AccountControls, HUMAN_VERIFICATION_TOKEN} from './account/controls.js';
import {
	type AccountSpec,
	createEmulatorAccounts,
	type EmulatorAccounts,
} from './account/emulator-accounts.js';
import {createEmulatorDrive, type EmulatorDrive} from './drive/drive-emulator.js';
import {Router} from './http/router.js';
import {startHttpServer} from './http/server.js';

export type {AccountSpec, EmulatorAccounts};
export {HUMAN_VERIFICATION_TOKEN};

export const DEMO_ACCOUNT = {
	username: 'demo@example.com',
	password: 'correct horse',
	totpSecret: 'JBSWY3DPEHPK3PXP',
} as const satisfies AccountSpec;

/** Whatever switches the Drive side exposes as `controls` on its return value (none yet). */
type DriveControlsOf<T> = T extends {controls: infer C} ? C : Record<string, never>;

export type EmulatorControls = AccountControls & {drive: DriveControlsOf<EmulatorDrive>};

export interface StartEmulatorOptions {
	port: number;
	host?: string;
	/** Default: the demo account. */
	accounts?: AccountSpec[];
	dataDir?: string;
	seed?: 'demo';
	/** Runs the seed (tests may inject one); default: `seedDemo` from `seed/demo-seed.ts`. */
	seeder?: (url: string) => Promise<void>;
	accessTokenLifetimeSeconds?: number;
	log?: (line: string) => void;
}

export interface RunningEmulator {
	url: string;
	stop(): Promise<void>;
	controls: EmulatorControls;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export function isLoopbackHost(host: string): boolean {
	return LOOPBACK.has(host) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export async function startEmulator(opts: StartEmulatorOptions): Promise<RunningEmulator> {
	const host = opts.host ?? '127.0.0.1';
	if (!isLoopbackHost(host))
		throw new Error(`The emulator only listens on loopback, not on ${host}`);
	const accounts = await createEmulatorAccounts({
		accounts: opts.accounts ?? [DEMO_ACCOUNT],
		dataDir: opts.dataDir,
		accessTokenLifetimeSeconds: opts.accessTokenLifetimeSeconds,
	});
	let url = '';
	const drive = await createEmulatorDrive({accounts, dataDir: opts.dataDir, publicUrl: () => url});
	const router = new Router();
	accounts.registerRoutes(router);
	drive.registerRoutes(router);
	const server = await startHttpServer({
		port: opts.port,
		host: host === 'localhost' ? '127.0.0.1' : host.replace(/^\[|\]$/g, ''),
		router,
		before: accounts.before,
		onRequest: opts.log ? (r) => opts.log?.(`${r.method} ${r.path} ${r.status}`) : undefined,
	});
	url = server.url.includes('::1') ? `http://[::1]:${server.port}` : server.url;

	const driveControls = (drive as {controls?: unknown}).controls ?? {};
	const controls = Object.assign(accounts.controls, {drive: driveControls}) as EmulatorControls;

	if (opts.seed === 'demo') {
		// SEED CALL SITE: the demo seed (Drive side) populates the demo account through the SDK.
		try {
			const seeder = opts.seeder ?? (await loadDemoSeeder());
			await seeder(url);
		} catch (error) {
			await server.stop();
			throw error;
		}
	}

	return {url, stop: () => server.stop(), controls};
}

async function loadDemoSeeder(): Promise<(url: string) => Promise<void>> {
	// Imported dynamically (and through a variable) so the emulator works before the seed exists.
	const specifier = './seed/demo-seed.js';
	const mod = (await import(specifier)) as {seedDemo?: (url: string) => Promise<void>};
	if (typeof mod.seedDemo !== 'function')
		throw new Error('seed/demo-seed.ts does not export seedDemo(url)');
	return mod.seedDemo;
}
