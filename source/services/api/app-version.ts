import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

/** Finds our package.json by walking up from this module (works from source/ and dist/). */
function readPackageVersion(): string {
	let dir = dirname(fileURLToPath(import.meta.url));
	for (let i = 0; i < 6; i++) {
		try {
			const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
				name?: string;
				version?: string;
			};
			if (pkg.name === 'pdrive-tui' && typeof pkg.version === 'string') {
				return pkg.version;
			}
		} catch {
			// not here; keep walking up
		}
		dir = dirname(dir);
	}
	throw new Error('Cannot find the pdrive-tui package.json to read the app version');
}

export const PACKAGE_VERSION = readPackageVersion();

/** Honest third-party client id (auth.md §1.3): `external-drive-pdrive_tui@<version>`. */
export const APP_VERSION = `external-drive-pdrive_tui@${PACKAGE_VERSION}`;
