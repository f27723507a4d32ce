/** The parts of Proton's account payloads the login needs (auth.md §2). */

export interface ApiUserKey {
	ID: string;
	PrivateKey: string;
	Primary?: number;
	Active?: number;
}

export interface ApiUser {
	ID: string;
	Name?: string;
	Email?: string;
	Keys?: ApiUserKey[];
}

export interface ApiKeySalt {
	ID: string;
	KeySalt?: string | null;
}

export interface ApiAddressKey {
	ID: string;
	PrivateKey: string;
	Token?: string | null;
	Signature?: string | null;
	Primary?: number;
	Active?: number;
	Flags?: number;
}

export interface ApiAddress {
	ID: string;
	Email: string;
	Status?: number;
	Order?: number;
	Priority?: number;
	Keys?: ApiAddressKey[];
}

export interface InfoResponse {
	Version: number;
	Modulus: string;
	ServerEphemeral: string;
	Salt: string;
	SRPSession: string;
	Username?: string;
}

export interface AuthResponse {
	UID: string;
	AccessToken: string;
	RefreshToken: string;
	ServerProof: string;
	PasswordMode?: number;
	'2FA'?: {Enabled?: number; TOTP?: number};
	TwoFactor?: number;
}

export interface RefreshResponse {
	UID?: string;
	AccessToken: string;
	RefreshToken?: string;
}
