import {mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {type DriveData, emptyDriveData} from './drive-model.js';

/** Holds the Drive metadata; with a dataDir it is loaded at start and written atomically after changes. */
export class DriveStore {
	readonly data: DriveData;
	readonly #file: string | undefined;
	#dirty = false;
	#scheduled = false;

	constructor(dataDir?: string) {
		if (dataDir) {
			mkdirSync(dataDir, {recursive: true});
			this.#file = join(dataDir, 'drive-state.json');
		}
		this.data = this.#load();
	}

	#load(): DriveData {
		if (!this.#file) return emptyDriveData();
		try {
			return {...emptyDriveData(), ...(JSON.parse(readFileSync(this.#file, 'utf8')) as DriveData)};
		} catch {
			return emptyDriveData();
		}
	}

	/** Marks the state changed; the write happens once per tick (several changes coalesce). */
	changed(): void {
		if (!this.#file) return;
		this.#dirty = true;
		if (this.#scheduled) return;
		this.#scheduled = true;
		queueMicrotask(() => {
			this.#scheduled = false;
			this.flush();
		});
	}

	flush(): void {
		if (!this.#file || !this.#dirty) return;
		this.#dirty = false;
		const tmp = `${this.#file}.${process.pid}.tmp`;
		writeFileSync(tmp, JSON.stringify(this.data), {mode: 0o600});
		renameSync(tmp, this.#file);
	}
}
