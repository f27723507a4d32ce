// The records the emulator keeps per user and per session. They hold what a real server holds:
// verifier, salts, locked keys, TOTP secret, hashed tokens — never a password or key password.

export interface StoredAddressKey {
	id: string;
	/** Armored private key locked with the token below. */
	privateKey: string;
	/** Armored PGP message: the 64-hex-char passphrase encrypted to the primary user key. */
	token: string;
	/** Armored detached signature over the token text by the primary user key. */
	signature: string;
	/** Armored public key (for the public-key lookup). */
	publicKey: string;
	primary: 0 | 1;
	flags: number;
}

export interface StoredAddress {
	id: string;
	email: string;
	keys: StoredAddressKey[];
}

export interface StoredUser {
	id: string;
	/** Login name as created (matched case-insensitively, as is the address email). */
	username: string;
	displayName: string;
	srp: {
		version: 4;
		salt: string /* b64, 10 bytes */;
		modulusId: string;
		verifier: string /* b64, 256 LE */;
	};
	passwordMode: 1 | 2;
	userKey: {id: string; privateKey: string; keySalt: string /* b64, 16 bytes */};
	addresses: StoredAddress[];
	totpSecret?: string;
	/** Highest TOTP time step already accepted (replay protection). */
	lastTotpStep?: number;
	createTime: number;
}

export interface StoredSession {
	uid: string;
	userId: string;
	/** SHA-256 (hex) of the current access token. */
	accessHash: string;
	/** Epoch ms after which the access token answers 401. */
	accessExpiresAt: number;
	/** SHA-256 (hex) of the current refresh token. */
	refreshHash: string;
	refreshCounter: number;
	/** True until the second factor was given. */
	twoFactorPending: boolean;
	failedTwoFactor: number;
	/** Epoch ms until which the `locked`/`password` scopes are granted. */
	passwordScopesUntil: number;
	createdAt: number;
}
