import {createHash} from 'node:crypto';

/** Proton's 256-byte hash: SHA512(m‖0) ‖ SHA512(m‖1) ‖ SHA512(m‖2) ‖ SHA512(m‖3) (auth.md §4.2). */
export function expandHash(bytes: Uint8Array): Uint8Array {
	const out = new Uint8Array(256);
	for (let i = 0; i < 4; i++) {
		const h = createHash('sha512');
		h.update(bytes);
		h.update(Uint8Array.of(i));
		out.set(h.digest(), i * 64);
	}
	return out;
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
	const total = parts.reduce((sum, p) => sum + p.length, 0);
	const out = new Uint8Array(total);
	let offset = 0;
	for (const p of parts) {
		out.set(p, offset);
		offset += p.length;
	}
	return out;
}
