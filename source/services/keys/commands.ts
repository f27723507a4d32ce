/** Every action a key can trigger, as data. Help and the readme's key table are generated from it. */
export interface CommandInfo {
	description: string;
	group: CommandGroup;
	/**
	 * False while the UI does not handle the command yet: it keeps its default keys (so they are
	 * reserved) but stays out of the help overlay and the key table.
	 */
	implemented: boolean;
}

export type CommandGroup = 'Navigation' | 'Panes' | 'Files' | 'Transfers' | 'General';

/** Order of the groups in help and docs. */
export const COMMAND_GROUPS: readonly CommandGroup[] = [
	'Navigation',
	'Panes',
	'Files',
	'Transfers',
	'General',
];

export const COMMANDS = {
	'cursor.down': {description: 'Move the cursor down', group: 'Navigation', implemented: true},
	'cursor.up': {description: 'Move the cursor up', group: 'Navigation', implemented: true},
	'cursor.pageDown': {description: 'Move one page down', group: 'Navigation', implemented: true},
	'cursor.pageUp': {description: 'Move one page up', group: 'Navigation', implemented: true},
	'cursor.top': {description: 'Go to the first entry', group: 'Navigation', implemented: true},
	'cursor.bottom': {description: 'Go to the last entry', group: 'Navigation', implemented: true},
	'folder.open': {
		description: 'Open the folder under the cursor',
		group: 'Navigation',
		implemented: true,
	},
	'folder.parent': {description: 'Go to the parent folder', group: 'Navigation', implemented: true},
	'pane.switch': {
		description: 'Switch between the local and the Drive pane',
		group: 'Panes',
		implemented: true,
	},
	'listing.cancel': {
		description: 'Cancel a listing in progress / close a dialog',
		group: 'Panes',
		implemented: true,
	},
	'listing.refresh': {description: 'Reload the listing', group: 'Panes', implemented: true},
	copy: {
		description: 'Copy the entry under the cursor to the other pane',
		group: 'Files',
		implemented: true,
	},
	mkdir: {description: 'Create a folder', group: 'Files', implemented: false},
	'rename.move': {description: 'Rename or move', group: 'Files', implemented: false},
	trash: {description: 'Move to trash', group: 'Files', implemented: false},
	'transfers.show': {
		description: 'Show every transfer (to cancel or retry one)',
		group: 'Transfers',
		implemented: true,
	},
	'transfer.cancel': {
		description: 'Cancel the selected transfer',
		group: 'Transfers',
		implemented: true,
	},
	'transfer.retry': {
		description: 'Retry the selected failed or cancelled transfer',
		group: 'Transfers',
		implemented: true,
	},
	help: {description: 'Show this help', group: 'General', implemented: true},
	quit: {description: 'Quit (asks first while transfers run)', group: 'General', implemented: true},
	'quit.now': {description: 'Quit at once', group: 'General', implemented: true},
} as const satisfies Record<string, CommandInfo>;

export type CommandId = keyof typeof COMMANDS;

export function isCommandId(value: string): value is CommandId {
	return Object.hasOwn(COMMANDS, value);
}

export const COMMAND_IDS = Object.keys(COMMANDS) as CommandId[];
