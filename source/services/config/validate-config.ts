import {CONCURRENCY_RANGE, type ConfigValues, DEFAULT_CONFIG} from './defaults.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isClientUid(value: unknown): value is string {
	return typeof value === 'string' && UUID.test(value);
}

/** A concurrency value, or an error sentence (shared by the config file and `--concurrency`). */
export function checkConcurrency(
	value: unknown,
): {ok: true; value: number} | {ok: false; problem: string} {
	const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	const {min, max} = CONCURRENCY_RANGE;
	if (typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max)
		return {ok: true, value: n};
	return {
		ok: false,
		problem: `concurrency must be a whole number from ${min} to ${max} (got ${JSON.stringify(value)})`,
	};
}

/** Takes the stored values, keeps the valid ones and reports the others (which fall back to defaults). */
export function validateConfig(raw: Record<string, unknown>): {
	values: ConfigValues;
	problems: string[];
} {
	const problems: string[] = [];
	const values: ConfigValues = {...DEFAULT_CONFIG, keymap: {}};
	if (raw.concurrency !== undefined) {
		const checked = checkConcurrency(raw.concurrency);
		if (checked.ok) values.concurrency = checked.value;
		else problems.push(`config: ${checked.problem}; using ${DEFAULT_CONFIG.concurrency}`);
	}
	if (raw.showHidden !== undefined) {
		if (typeof raw.showHidden === 'boolean') values.showHidden = raw.showHidden;
		else problems.push('config: showHidden must be true or false');
	}
	if (raw.keymap !== undefined) {
		const keymap = raw.keymap;
		if (keymap && typeof keymap === 'object' && !Array.isArray(keymap)) {
			for (const [id, keys] of Object.entries(keymap)) {
				if (Array.isArray(keys) && keys.every((k) => typeof k === 'string'))
					values.keymap[id] = keys;
				else problems.push(`config: keymap.${id} must be a list of key names`);
			}
		} else problems.push('config: keymap must be an object of command → key names');
	}
	return {values, problems};
}
