/** The oldest Node.js major the program runs on (the Drive SDK needs Promise.withResolvers and more). */
export const MIN_NODE_MAJOR = 22;

/** A sentence saying what to do when `version` (e.g. process.versions.node) is too old, else undefined. */
export function checkNodeVersion(version: string): string | undefined {
	const major = Number.parseInt(version.split('.')[0] ?? '', 10);
	if (Number.isInteger(major) && major >= MIN_NODE_MAJOR) return undefined;
	return `needs Node.js ${MIN_NODE_MAJOR} or newer, this is Node.js ${version}. Install a current Node.js (https://nodejs.org) and run it again.`;
}
