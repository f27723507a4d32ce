import {type PublicKey, readCleartextMessage, readKey, verify} from 'openpgp';
import {bitLength, bytesToBigIntLE} from './bigint.js';
import {MODULUS_KEY_ARMORED, MODULUS_KEY_FINGERPRINT} from './modulus-key.js';
import {ServerIdentityError} from './server-identity-error.js';

const END_LINE = '-----END PGP SIGNATURE-----';
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

let modulusKey: Promise<PublicKey> | undefined;

function loadModulusKey(): Promise<PublicKey> {
	modulusKey ??= readKey({armoredKey: MODULUS_KEY_ARMORED}).then((key) => {
		if (key.getFingerprint() !== MODULUS_KEY_FINGERPRINT) {
			throw new ServerIdentityError('embedded modulus key has an unexpected fingerprint');
		}
		return key;
	});
	return modulusKey;
}

/** Sanity checks of §4.3 step 4 that every real modulus passes: 2048 bits and N ≡ 3 (mod 8). */
export function checkModulus(modulus: Uint8Array): bigint {
	if (modulus.length !== 256) {
		throw new ServerIdentityError('the modulus is not 256 bytes');
	}
	const n = bytesToBigIntLE(modulus);
	if (bitLength(n) !== 2048) {
		throw new ServerIdentityError('the modulus is not 2048 bits');
	}
	if (n % 8n !== 3n) {
		throw new ServerIdentityError('the modulus is not 3 mod 8');
	}
	return n;
}

/**
 * Verifies a cleartext-signed modulus against Proton's modulus key only and returns the 256-byte
 * little-endian N. Throws ServerIdentityError on any problem.
 */
export async function verifyModulus(signedModulusArmored: string): Promise<Uint8Array> {
	const end = signedModulusArmored.lastIndexOf(END_LINE);
	if (end < 0) {
		throw new ServerIdentityError('the modulus is not signed');
	}
	const trailer = signedModulusArmored.slice(end + END_LINE.length);
	if (trailer !== '' && trailer !== '\n' && trailer !== '\r\n') {
		throw new ServerIdentityError('data after the modulus signature');
	}
	let text: string;
	try {
		const key = await loadModulusKey();
		const message = await readCleartextMessage({cleartextMessage: signedModulusArmored});
		const result = await verify({message, verificationKeys: [key], expectSigned: true});
		if (result.signatures.length === 0) {
			throw new Error('no signature');
		}
		for (const signature of result.signatures) {
			await signature.verified;
			if (signature.keyID.toHex() !== MODULUS_KEY_FINGERPRINT.slice(-16)) {
				throw new Error('unexpected signer');
			}
		}
		text = String(result.data);
	} catch (error) {
		if (error instanceof ServerIdentityError) {
			throw error;
		}
		throw new ServerIdentityError('the modulus signature is invalid');
	}
	const line = text.trim();
	if (!BASE64.test(line)) {
		throw new ServerIdentityError('the modulus is not base64');
	}
	const modulus = new Uint8Array(Buffer.from(line, 'base64'));
	checkModulus(modulus);
	return modulus;
}
