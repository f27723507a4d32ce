import {randomUUID} from 'node:crypto';
import {mkdirSync} from 'node:fs';
import path from 'node:path';
import envPaths from 'env-paths';
import Conf from 'conf';
import type {ConfigValues} from './defaults.js';
import {checkConcurrency, isClientUid, validateConfig} from './validate-config.js';

export interface AppConfig extends ConfigValues {
	/**
	 * Random UUID generated on first start and kept, handed to the SDK so it recognises (and cleans
	 * up) upload drafts left behind by this installation.
	 */
	clientUid: string;
	/** Where the config lives. */
	path: string;
	/** Invalid stored values (replaced by defaults), as sentences for the user. */
	problems: string[];
}

export interface LoadConfigOptions {
	/** Config folder; default PDRIVE_TUI_CONFIG_DIR or conf's per-user config folder. */
	cwd?: string;
	/** Run-time overrides (e.g. `--concurrency N`), validated, never written to the file. */
	overrides?: {concurrency?: number | string};
	/** False: read the file but never write it (the demo: a throw-away clientUid). Default true. */
	persist?: boolean;
}

export class ConfigError extends Error {
	override name = 'ConfigError';
}

/** Reads config.json (creating the clientUid once), validates it and applies run-time overrides. */
export function loadConfig(opts: LoadConfigOptions = {}): AppConfig {
	const folder = opts.cwd ?? process.env.PDRIVE_TUI_CONFIG_DIR ?? undefined;
	if (folder) mkdirSync(folder, {recursive: true, mode: 0o700});
	let conf: Conf<Record<string, unknown>>;
	try {
		conf = new Conf<Record<string, unknown>>({
			projectName: 'pdrive-tui',
			projectSuffix: '',
			configName: 'config',
			cwd: folder,
			configFileMode: 0o600,
			// A file the user edited by hand and broke is theirs: say so, never wipe it.
			clearInvalidConfig: false,
		});
	} catch (error) {
		if (!(error instanceof SyntaxError)) throw error;
		const file = path.join(folder ?? configFolder(), 'config.json');
		throw new ConfigError(
			`${file} is not valid JSON (${error.message}); fix it or delete it to start from the defaults.`,
		);
	}
	let clientUid = conf.get('clientUid');
	if (!isClientUid(clientUid)) {
		clientUid = randomUUID();
		if (opts.persist !== false) conf.set('clientUid', clientUid);
	}
	const {values, problems} = validateConfig(conf.store);
	const override = opts.overrides?.concurrency;
	if (override !== undefined) {
		const checked = checkConcurrency(override);
		if (!checked.ok) throw new ConfigError(`--concurrency: ${checked.problem}`);
		values.concurrency = checked.value;
	}
	return {...values, clientUid: clientUid as string, path: conf.path, problems};
}

/** conf's per-user folder for us (~/.config/pdrive-tui on Linux). */
function configFolder(): string {
	return envPaths('pdrive-tui', {suffix: ''}).config;
}
