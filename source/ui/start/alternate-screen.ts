const ENTER = '\x1b[?1049h\x1b[H';
const LEAVE = '\x1b[?25h\x1b[?1049l';

export interface AlternateScreenOptions {
	/** Unhandled rejections that are not a crash (e.g. stray aborts after a cancel). */
	isHarmlessRejection?: (reason: unknown) => boolean;
	/** Told about each harmless rejection (for the debug log). */
	onHarmless?: (reason: unknown) => void;
}

/**
 * Enters the terminal's alternate screen and makes sure it is left again on every way out:
 * normal exit, Ctrl-C (SIGINT when raw mode is off), SIGTERM, SIGHUP, uncaught exceptions and
 * unhandled rejections (but those `isHarmlessRejection` accepts). `leave()` is idempotent; it also
 * shows the cursor again.
 */
export function enterAlternateScreen(
	stream: NodeJS.WriteStream = process.stdout,
	onFatal: (error: unknown) => void = () => {},
	opts: AlternateScreenOptions = {},
): {leave: () => void} {
	let active = true;
	const leave = () => {
		if (!active) return;
		active = false;
		try {
			stream.write(LEAVE);
		} catch {
			// the terminal is gone; nothing to restore
		}
		process.off('exit', leave);
		for (const [signal, handler] of signalHandlers) process.off(signal, handler);
		process.off('uncaughtException', fatal);
		process.off('unhandledRejection', rejected);
	};
	const fatal = (error: unknown) => {
		leave();
		onFatal(error);
		process.stderr.write(
			`pdrive-tui: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`,
		);
		process.exit(70);
	};
	const rejected = (reason: unknown) => {
		if (opts.isHarmlessRejection?.(reason)) opts.onHarmless?.(reason);
		else fatal(reason);
	};
	const signalHandlers: [NodeJS.Signals, () => void][] = (
		[
			['SIGINT', 130],
			['SIGTERM', 143],
			['SIGHUP', 129],
		] as const
	).map(([signal, code]) => [
		signal,
		() => {
			leave();
			process.exit(code);
		},
	]);
	stream.write(ENTER);
	process.on('exit', leave);
	for (const [signal, handler] of signalHandlers) process.on(signal, handler);
	process.on('uncaughtException', fatal);
	process.on('unhandledRejection', rejected);
	return {leave};
}
