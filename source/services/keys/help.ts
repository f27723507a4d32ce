import {COMMAND_GROUPS, COMMANDS, type CommandGroup, type CommandId} from './commands.js';
import {parseKeySpec} from './key-spec.js';
import {DEFAULT_KEYMAP} from './keymap.js';

export interface HelpRow {
	command: CommandId;
	group: CommandGroup;
	/** e.g. 'F5 / c' */
	keys: string;
	description: string;
}

const NAMED_LABELS: Record<string, string> = {
	up: '↑',
	down: '↓',
	left: '←',
	right: '→',
	enter: 'Enter',
	tab: 'Tab',
	backspace: 'Backspace',
	escape: 'Esc',
	space: 'Space',
	home: 'Home',
	end: 'End',
	pageup: 'PgUp',
	pagedown: 'PgDn',
	insert: 'Ins',
	delete: 'Del',
};

/** Label of one key spec: 'f5' → 'F5', 'ctrl+r' → 'Ctrl-R', 'G' → 'G', 'shift+tab' → 'Shift-Tab'. */
export function keyLabel(raw: string): string {
	const spec = parseKeySpec(raw);
	if (!spec) return raw;
	let base: string;
	let shift = spec.shift;
	if (/^f\d{1,2}$/.test(spec.name)) base = spec.name.toUpperCase();
	else if (NAMED_LABELS[spec.name]) base = NAMED_LABELS[spec.name];
	else if ([...spec.name].length === 1) {
		// A shifted letter reads best as the capital; ctrl combinations read best in capitals.
		if (shift && spec.name !== spec.name.toUpperCase()) {
			base = spec.name.toUpperCase();
			shift = false;
		} else base = spec.ctrl || spec.meta ? spec.name.toUpperCase() : spec.name;
	} else base = spec.name;
	const mods = [spec.ctrl ? 'Ctrl' : '', spec.meta ? 'Alt' : '', shift ? 'Shift' : ''].filter(
		Boolean,
	);
	return [...mods, base].join('-');
}

/** Help rows for the implemented commands, grouped in COMMAND_GROUPS order. */
export function helpRows(
	keymap: Readonly<Partial<Record<CommandId, readonly string[]>>> = DEFAULT_KEYMAP,
): HelpRow[] {
	const rows: HelpRow[] = [];
	for (const group of COMMAND_GROUPS) {
		for (const [id, info] of Object.entries(COMMANDS) as [
			CommandId,
			(typeof COMMANDS)[CommandId],
		][]) {
			if (info.group !== group || !info.implemented) continue;
			const keys = keymap[id] ?? [];
			if (keys.length === 0) continue;
			rows.push({
				command: id,
				group,
				keys: keys.map(keyLabel).join(' / '),
				description: info.description,
			});
		}
	}
	return rows;
}

function escapeCell(text: string): string {
	return text.replaceAll('|', '\\|');
}

/** The readme's key table, generated from the keymap and the commands. */
export function renderKeyTableMarkdown(
	keymap: Readonly<Partial<Record<CommandId, readonly string[]>>> = DEFAULT_KEYMAP,
): string {
	const lines = ['| Keys | Action |', '| --- | --- |'];
	for (const row of helpRows(keymap)) {
		const keys = row.keys
			.split(' / ')
			.map((k) => `\`${k}\``)
			.join(' / ');
		lines.push(`| ${escapeCell(keys)} | ${escapeCell(row.description)} |`);
	}
	return `${lines.join('\n')}\n`;
}
