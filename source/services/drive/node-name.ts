/**
 * Drive's own name rules (non-empty, at most 255 UTF-16 code units, no '/'). The SDK checks them
 * for folders and renames but not for uploads, and other clients may store anything.
 */
export function invalidNameReason(name: string): string | undefined {
	if (name.length === 0) return 'the name is empty';
	if (name.length > 255) return 'the name is longer than 255 characters';
	if (name.includes('/')) return "the name contains '/'";
	return undefined;
}
