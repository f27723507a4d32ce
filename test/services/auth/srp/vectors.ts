import {readFileSync} from 'node:fs';

export type Vector = {id: string; kind: string; input: any; expected: any; cases?: any[]};

const file = new URL('../../../fixtures/srp-vectors.json', import.meta.url);
const parsed = JSON.parse(readFileSync(file, 'utf8')) as {
	vectors: Vector[];
	modulusSigningKey: {armored: string; fingerprint: string};
};

export const modulusSigningKey = parsed.modulusSigningKey;

export function vectorsOfKind(kind: string): Vector[] {
	const list = parsed.vectors.filter((v) => v.kind === kind);
	if (list.length === 0) {
		throw new Error(`no vectors of kind ${kind}`);
	}
	return list;
}

export function b64(s: string): Uint8Array {
	return new Uint8Array(Buffer.from(s, 'base64'));
}

export function toB64(bytes: Uint8Array): string {
	return Buffer.from(bytes).toString('base64');
}
