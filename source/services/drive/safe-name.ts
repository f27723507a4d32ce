import path from 'node:path';

/** Longest local name we produce, in UTF-8 bytes (common file-system limit). */
const MAX_NAME_BYTES = 255;

/**
 * Turns an untrusted, decrypted remote name into a name that is safe as a single path component:
 * `/`, `\`, NUL and control characters are replaced by `_`; `.` and `..` (and names made only of
 * dots) get a `_` prefix; an empty result becomes `_`; overlong names are shortened keeping the
 * extension. The result never contains a separator, so it cannot leave the target folder.
 */
export function toSafeLocalName(remoteName: string): string {
	let name = remoteName.replace(/[\u0000-\u001f\u007f-\u009f/\\]/g, '_');
	if (name.length === 0) name = '_';
	if (/^\.+$/.test(name)) name = `_${name}`;
	return truncateUtf8(name, MAX_NAME_BYTES);
}

function truncateUtf8(name: string, maxBytes: number): string {
	if (Buffer.byteLength(name) <= maxBytes) return name;
	const dot = name.lastIndexOf('.');
	const ext = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
	let stem = [...name.slice(0, name.length - ext.length)];
	while (stem.length > 0 && Buffer.byteLength(stem.join('') + ext) > maxBytes)
		stem = stem.slice(0, -1);
	return stem.join('') + ext;
}

/**
 * Joins a folder and a (safe) name and asserts the result is a direct child of the folder.
 * Throws when it is not — a last line of defence in case a caller skipped toSafeLocalName.
 */
export function childPath(localDir: string, name: string): string {
	const dir = path.resolve(localDir);
	const full = path.resolve(dir, name);
	if (path.dirname(full) !== dir || path.basename(full) !== name || name === '.' || name === '..') {
		throw new Error(`Refusing the name "${name}": it would not stay inside ${dir}`);
	}
	return full;
}
