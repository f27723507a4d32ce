import type {CommandId} from '../services/keys/commands.js';
import type {KeyPress} from '../services/keys/key-press.js';
import {DEFAULT_KEYMAP, type Keymap, resolveCommand} from '../services/keys/keymap.js';
import {useKeyPresses} from './use-key-presses.js';

export type CommandHandler = (command: CommandId | undefined, press: KeyPress) => void;

/**
 * The one place where keys become commands: each key press is resolved through the keymap and
 * handed to `handler` with its command ID (undefined for unbound keys, which dialogs may use,
 * e.g. y/n). Inactive while a text input has the keyboard, so typing never triggers commands.
 */
export function useKeyCommands(
	handler: CommandHandler,
	opts: {
		isActive?: boolean;
		keymap?: Keymap | Readonly<Record<CommandId, readonly string[]>>;
		/** Pasted text arrives as one 'paste' press (no command) instead of as keys. */
		bracketedPaste?: boolean;
	} = {},
): void {
	const keymap = opts.keymap ?? DEFAULT_KEYMAP;
	useKeyPresses((press) => handler(resolveCommand(keymap, press), press), opts.isActive ?? true, {
		bracketedPaste: opts.bracketedPaste,
	});
}
