#!/usr/bin/env node
// Entry point. The full meow CLI and the Ink app are wired in by the TUI work (issue 4).

if (process.argv[2] === 'emulator') {
	// `pdrive-tui emulator ...` (keep this single call when cli.tsx moves to meow).
	const {runEmulatorFromArgv} = await import('./emulator/cli/run-from-argv.js');
	process.exitCode = await runEmulatorFromArgv(process.argv.slice(3));
} else {
	console.log('pdrive-tui: work in progress');
}
