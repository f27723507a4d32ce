import {helpRows} from '../../services/keys/help.js';

/** The keys section of --help, generated from the keymap. */
export function keysHelp(): string {
	const rows = helpRows();
	const width = Math.max(...rows.map((r) => r.keys.length));
	return rows.map((r) => `    ${r.keys.padEnd(width)}  ${r.description}`).join('\n');
}

export function helpText(): string {
	return `
  Terminal file manager for Proton Drive: a local pane and a Drive pane; copy files and folders
  between them. Unofficial third-party app, built on Proton's Drive SDK. Your password is sent to
  Proton only and is never stored; the session tokens and the key passphrase derived from it are
  kept in a file only you can read (mode 0600) so you stay signed in.

  Usage
    $ pdrive-tui [options]
    $ pdrive-tui emulator --port PORT [...]   run the local Proton API emulator (for tests)

  Options
    --demo             Start the built-in emulator with a demo account (no real account needed);
                       the login screen shows its username, password and current 2FA code
    --user NAME        Pre-fill the username (the password prompt comes first)
    --api-url URL      Use another API host; only loopback addresses (e.g. an emulator) are allowed
    --logout           Revoke and erase the saved session, then exit
    --concurrency N    Transfers at once (default from the config file, 4)
    --debug            Write a debug log (never passwords, tokens or keys); its path is printed
    --help             Show this help
    --version          Show the version

  Keys
${keysHelp()}

  The terminal must be at least 80×24.
`;
}
