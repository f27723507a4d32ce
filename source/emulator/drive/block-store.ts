import {mkdtempSync, rmSync} from 'node:fs';
import {mkdir, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {newId} from './ids.js';

/** Encrypted blocks and thumbnails as files, so memory stays bounded whatever is uploaded. */
export class BlockStore {
	readonly #dataDir: string | undefined;
	#dir: string | undefined;
	#ready: Promise<unknown> | undefined;

	constructor(dataDir?: string) {
		this.#dataDir = dataDir;
		if (dataDir) this.#dir = join(dataDir, 'blocks');
	}

	/** The folder; without a dataDir a temporary one is made on first use and removed at process exit. */
	#folder(): string {
		if (this.#dir) return this.#dir;
		const dir = mkdtempSync(join(tmpdir(), 'pdrive-emulator-blocks-'));
		process.once('exit', () => rmSync(dir, {recursive: true, force: true}));
		this.#dir = dir;
		return dir;
	}

	async put(bytes: Uint8Array): Promise<string> {
		const dir = this.#folder();
		this.#ready ??= mkdir(dir, {recursive: true});
		await this.#ready;
		const id = newId();
		await writeFile(join(dir, id), bytes);
		return id;
	}

	async get(id: string): Promise<Uint8Array> {
		return readFile(join(this.#folder(), safe(id)));
	}

	async remove(id: string | null | undefined): Promise<void> {
		if (!id) return;
		await rm(join(this.#folder(), safe(id)), {force: true});
	}

	/** Removes the folder when it was a temporary one (no dataDir). */
	close(): void {
		if (!this.#dataDir && this.#dir) rmSync(this.#dir, {recursive: true, force: true});
		this.#dir = undefined;
		this.#ready = undefined;
	}
}

function safe(id: string): string {
	if (!/^[\w-]+$/.test(id)) throw new Error('Bad block id');
	return id;
}
