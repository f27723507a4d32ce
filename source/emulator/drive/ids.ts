import {randomBytes} from 'node:crypto';

/** Opaque IDs in Proton's style (base64url, never containing `~`, which the SDK uses as a separator). */
export function newId(): string {
	return randomBytes(18).toString('base64url');
}

export function nowSeconds(): number {
	return Math.floor(Date.now() / 1000);
}
