/** User settings as stored in config.json; every field optional in the file. */
export interface ConfigValues {
	/** Transfers running at once. */
	concurrency: number;
	/** Key overrides: command ID → key names (see services/keys). Applied over the defaults. */
	keymap: Record<string, string[]>;
	/** Show dot files in the panes. */
	showHidden: boolean;
}

/** The shipped defaults, as data. */
export const DEFAULT_CONFIG: Readonly<ConfigValues> = Object.freeze({
	concurrency: 4,
	keymap: {},
	showHidden: false,
});

/** Allowed range for `concurrency` (file and `--concurrency`). */
export const CONCURRENCY_RANGE = Object.freeze({min: 1, max: 32});
