import type {Router} from '../http/router.js';
import {BlockStore} from './block-store.js';
import {type DriveAccounts, DriveContext} from './drive-context.js';
import {createDriveControls, type DriveControls} from './drive-controls.js';
import {DriveStore} from './drive-store.js';
import {registerBlockRoutes} from './routes-blocks.js';
import {registerEventRoutes} from './routes-events.js';
import {registerFileRoutes} from './routes-files.js';
import {registerLinkRoutes} from './routes-links.js';
import {registerTrashRoutes} from './routes-trash.js';
import {registerVolumeRoutes} from './routes-volumes.js';
import {StorageTokens} from './storage-tokens.js';

export type {DriveAccounts} from './drive-context.js';
export type {DriveControls} from './drive-controls.js';

/** The Drive v2 side of the emulator (drive.md §4–§7). */
export interface EmulatorDrive {
	registerRoutes(router: Router): void;
	controls: DriveControls;
	/** Writes pending metadata and removes a temporary block folder (no dataDir). */
	close(): Promise<void>;
}

export interface EmulatorDriveOptions {
	accounts: DriveAccounts;
	/** Metadata (`drive-state.json`) and blocks (`blocks/`) live here; without it: memory + a temp folder. */
	dataDir?: string;
	/** Base of storage BareURLs, e.g. `http://127.0.0.1:1234`. */
	publicUrl: () => string;
	childrenPageSize?: number;
	storageTokenSeconds?: number;
}

export async function createEmulatorDrive(opts: EmulatorDriveOptions): Promise<EmulatorDrive> {
	const switches = {
		childrenPageSize: opts.childrenPageSize ?? 150,
		trashPageSize: 150,
		storageTokenSeconds: opts.storageTokenSeconds ?? 3600,
		storageDelayMs: 0,
	};
	const blocks = new BlockStore(opts.dataDir);
	const store = new DriveStore(opts.dataDir);
	const tokens = new StorageTokens(() => switches.storageTokenSeconds);
	const drive = new DriveContext(opts.accounts, store, blocks, tokens, switches, opts.publicUrl);
	return {
		registerRoutes(router) {
			registerVolumeRoutes(router, drive);
			registerLinkRoutes(router, drive);
			registerFileRoutes(router, drive);
			registerBlockRoutes(router, drive);
			registerTrashRoutes(router, drive);
			registerEventRoutes(router, drive);
		},
		controls: createDriveControls(drive),
		async close() {
			store.flush();
			blocks.close();
		},
	};
}
