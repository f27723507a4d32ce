// The layout rules of DEVELOPERS.md, checked on every import: ui → hooks → services; the emulator
// is never imported by services; a service never imports React; nothing reaches outside the repo.
import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function filesUnder(dir: string): string[] {
	return readdirSync(path.join(repo, dir), {recursive: true, withFileTypes: true})
		.filter((e) => e.isFile() && /\.(ts|tsx|mts)$/.test(e.name))
		.map((e) => path.relative(repo, path.join(e.parentPath, e.name)));
}

/** Every module specifier a file imports or re-exports (static and dynamic). */
function importsOf(file: string): string[] {
	const text = readFileSync(path.join(repo, file), 'utf8');
	const found = [
		...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]/gm),
		...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
		...text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm),
	];
	return found.map((m) => m[1] as string);
}

/** Where a relative import lands, as a repo path ('source/ui/app.js'), or the package name. */
function target(file: string, spec: string): string {
	if (!spec.startsWith('.')) return spec;
	return path.relative(repo, path.resolve(repo, path.dirname(file), spec));
}

function violations(dir: string, forbidden: (to: string) => boolean): string[] {
	const out: string[] = [];
	for (const file of filesUnder(dir)) {
		for (const spec of importsOf(file)) {
			const to = target(file, spec);
			if (forbidden(to)) out.push(`${file} imports ${spec}`);
		}
	}
	return out;
}

test('services import neither React, Ink, the UI, the hooks nor the emulator', () => {
	assert.deepEqual(
		violations('source/services', (to) =>
			/^(react|ink|ink-.*|source\/(ui|hooks|emulator)\/.*)$/.test(to),
		),
		[],
	);
});

test('hooks never import the UI; the emulator never imports the UI or the hooks', () => {
	assert.deepEqual(
		violations('source/hooks', (to) => to.startsWith('source/ui/')),
		[],
	);
	assert.deepEqual(
		violations('source/emulator', (to) => /^(ink|react|source\/(ui|hooks)\/)/.test(to)),
		[],
	);
});

test('no source, test or bench file reaches outside the repository', () => {
	for (const dir of ['source', 'test', 'bench']) {
		assert.deepEqual(
			violations(dir, (to) => to.startsWith('..')),
			[],
			`${dir}: tests and code must stand alone (copy fixtures into test/fixtures)`,
		);
	}
});

test('the checks see real imports (a rule that reads nothing would pass vacuously)', () => {
	assert.ok(importsOf('source/cli.tsx').includes('./ui/app.js'));
	assert.ok(filesUnder('source/services').length > 30);
	assert.ok(violations('source/ui', (to) => to === 'ink').length > 5);
});
