import {type CommandId, isCommandId} from './commands.js';
import type {KeyPress} from './key-press.js';
import {matchesKeySpec, parseKeySpec} from './key-spec.js';

/** Command ID → key specs (see key-spec.ts), first one is the main key shown in help. */
export type Keymap = Partial<Record<CommandId, string[]>>;

/** The shipped defaults, as data. */
export const DEFAULT_KEYMAP: Readonly<Record<CommandId, readonly string[]>> = {
	'cursor.down': ['down', 'j'],
	'cursor.up': ['up', 'k'],
	'cursor.pageDown': ['pagedown'],
	'cursor.pageUp': ['pageup'],
	'cursor.top': ['home', 'g'],
	'cursor.bottom': ['end', 'G'],
	'folder.open': ['enter', 'right', 'l'],
	'folder.parent': ['backspace', 'left', 'h'],
	'pane.switch': ['tab'],
	'listing.cancel': ['escape'],
	'listing.refresh': ['ctrl+r'],
	copy: ['f5', 'c'],
	mkdir: ['f7'],
	'rename.move': ['f6'],
	trash: ['f8'],
	'transfers.show': ['w'],
	'transfer.cancel': ['x', 'delete'],
	'transfer.retry': ['r'],
	help: ['f1', '?'],
	quit: ['f10', 'q'],
	'quit.now': ['ctrl+c'],
};

/** The command bound to a key press, if any (first match in keymap order). */
export function resolveCommand(
	keymap: Keymap | Readonly<Record<CommandId, readonly string[]>>,
	press: KeyPress,
): CommandId | undefined {
	for (const [id, specs] of Object.entries(keymap) as [CommandId, readonly string[]][]) {
		if (!specs) continue;
		for (const raw of specs) {
			const spec = parseKeySpec(raw);
			if (spec && matchesKeySpec(spec, press)) return id;
		}
	}
	return undefined;
}

function sameKey(a: string, b: string): boolean {
	const x = parseKeySpec(a);
	const y = parseKeySpec(b);
	return (
		x !== undefined &&
		y !== undefined &&
		x.name === y.name &&
		x.ctrl === y.ctrl &&
		x.meta === y.meta &&
		x.shift === y.shift
	);
}

/**
 * Applies user overrides (e.g. from the roadmap's override file) to the defaults: a command's
 * list is replaced by the override's; a key taken by an override is removed from every other
 * command, so one key never means two things. Unknown commands and malformed keys are ignored;
 * `keymapProblems` reports them.
 */
export function mergeKeymap(
	defaults: Readonly<Record<CommandId, readonly string[]>>,
	overrides: Record<string, unknown>,
): Record<CommandId, string[]> {
	const merged = Object.fromEntries(
		Object.entries(defaults).map(([id, keys]) => [id, [...keys]]),
	) as Record<CommandId, string[]>;
	for (const [id, value] of Object.entries(overrides)) {
		if (!isCommandId(id) || !Array.isArray(value)) continue;
		const keys = value.filter(
			(k): k is string => typeof k === 'string' && parseKeySpec(k) !== undefined,
		);
		for (const other of Object.keys(merged) as CommandId[]) {
			if (other === id) continue;
			merged[other] = merged[other].filter((existing) => !keys.some((k) => sameKey(existing, k)));
		}
		merged[id] = keys;
	}
	return merged;
}

/** Human-readable problems in a user override object (unknown commands, malformed keys). */
export function keymapProblems(overrides: Record<string, unknown>): string[] {
	const problems: string[] = [];
	for (const [id, value] of Object.entries(overrides)) {
		if (!isCommandId(id)) {
			problems.push(`Unknown command '${id}' in the keymap.`);
			continue;
		}
		if (!Array.isArray(value)) {
			problems.push(`Keys for '${id}' must be a list of key names.`);
			continue;
		}
		for (const key of value) {
			if (typeof key !== 'string' || parseKeySpec(key) === undefined) {
				problems.push(`Key ${JSON.stringify(key)} for '${id}' is not a valid key name.`);
			}
		}
	}
	return problems;
}
