/** The server could not prove it is Proton (bad modulus signature, bad ServerProof, bogus ephemeral). */
export class ServerIdentityError extends Error {
	constructor(reason: string) {
		super(`Unable to verify server identity: ${reason}`);
		this.name = 'ServerIdentityError';
	}
}
