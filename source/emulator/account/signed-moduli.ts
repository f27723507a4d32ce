// Genuine Proton-signed SRP moduli, copied verbatim from ../shared/protocol/vectors/srp.json
// (modulusSignature vectors with expected.valid = true). The emulator cannot sign moduli itself: it serves
// these texts byte-for-byte so clients verify them against Proton's real modulus key (auth.md §9.1).

export interface SignedModulus {
	/** Stable id served as ModulusID. */
	id: string;
	/** The cleartext-signed message, exactly as published. */
	signed: string;
}

export const SIGNED_MODULI: readonly SignedModulus[] = [
	{
		id: 'go-proton-api-fake-server-modulus',
		signed:
			'-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\n+88jb48lF5TyDBveyHZ7QhSvtc4V3pN8/eQW6kk6ok2egy4lr5Wz9h8iZP3erN9lReSx1Lk+WsLu1b3soDhXX/twTCUhxYwjS8r983aEshZJJq7p5tNroQ5pzrZMbK8Oszjajgdg2YzcMcaJqb9+Doi7egj/esUQ+Q7BWdxeK77Wafj9v7PiW6Ozx6ulppu1mZ+YGnXSXJsl1Cl4nPm7PNkgj4BQT3HLrxakh7Xc3agmepRKO/1jLaOBU/oO17URbA5rwh/ZlAOqEAKH5vJ+hA2acM3Bwsa/K8I/jWicxOoaLZ4RZFpLYvOxGbb4DggR2Ri/C6tNyeEQQKAtxpeV5g==\n-----BEGIN PGP SIGNATURE-----\n\nwl4EARYIABAFAlwB1j0JEDUFhcTpUY8mAAD61gEAo0Uds/t3Fqwq55nOTHlC\nQxj5Q4Ff30YooWIBzvRFtMcA/1LrPUlo++7235+G4JBFJlCw4X4dyTEvhvy7\nDLwA/YAJ\n=j5fA\n-----END PGP SIGNATURE-----\n',
	},
	{
		id: 'webclients-server-modulus-valid',
		signed:
			'-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\ny6TtufhYg2mIeauZYOti+GPbd/0vP66kP34TgE6elK/kXkTW/Yfrp1jMmtLiWWSq5cszTMRIEighuwPbZ/z3RrWPxsOg0+jYgbFu8yZ8vOAwrPtLxZl94x0PFTAZBrVapmCn+VYcM+UXdO9v70xFDLwj34tpPbvpODHVWHSlGlhOwndWg3XBE2D9PJopFZajNZiqOScBXree5rDgzU5BBaPbIb6nySpyaeThMCcNzpcEqE8r3ro+E/VdXBvSSJpusr1dvAwHc3IDGUzAhodqV5mjYy9nXwq/9gHWpYNtm76Ols7ReWAhZwy1+cQllQZwGfzzOVGpc+3WutOntQjM6Q==\n-----BEGIN PGP SIGNATURE-----\nVersion: ProtonMail\nComment: https://protonmail.com\n\nwl4EARYIABAFAlwB1j8JEDUFhcTpUY8mAADfEAD8DFdNXn4TsgbfbAZRDa9a\nyywqa/2W9Qyg5MJaNZd2a+0BAPg04gEZI+G8RaoPVh/SYvWx7jpP3L1O8bEi\nM/j1cjIO\n=5RYw\n-----END PGP SIGNATURE-----',
	},
	{
		id: 'go-srp-clearsign-valid',
		signed:
			'-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nW2z5HBi8RvsfYzZTS7qBaUxxPhsfHJFZpu3Kd6s1JafNrCCH9rfvPLrfuqocxWPgWDH2R8neK7PkNvjxto9TStuY5z7jAzWRvFWN9cQhAKkdWgy0JY6ywVn22+HFpF4cYesHrqFIKUPDMSSIlWjBVmEJZ/MusD44ZT29xcPrOqeZvwtCffKtGAIjLYPZIEbZKnDM1Dm3q2K/xS5h+xdhjnndhsrkwm9U9oyA2wxzSXFL+pdfj2fOdRwuR5nW0J2NFrq3kJjkRmpO/Genq1UW+TEknIWAb6VzJJJA244K/H8cnSx2+nSNZO3bbo6Ys228ruV9A8m6DhxmS+bihN3ttQ==\n-----BEGIN PGP SIGNATURE-----\nVersion: ProtonMail\nComment: https://protonmail.com\n\nwl4EARYIABAFAlwB1j0JEDUFhcTpUY8mAAD8CgEAnsFnF4cF0uSHKkXa1GIa\nGO86yMV4zDZEZcDSJo0fgr8A/AlupGN9EdHlsrZLmTA1vhIx+rOgxdEff28N\nkvNM7qIK\n=q6vu\n-----END PGP SIGNATURE-----',
	},
];
