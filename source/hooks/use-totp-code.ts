import {TOTP} from 'otpauth';
import {useEffect, useState} from 'react';

/** The current 6-digit code for `secret` (base32) and seconds left, refreshed every second. */
export function useTotpCode(
	secret: string | undefined,
): {code: string; secondsLeft: number} | undefined {
	const compute = () => {
		if (!secret) return undefined;
		const totp = new TOTP({secret, digits: 6, period: 30, algorithm: 'SHA1'});
		const now = Date.now();
		return {code: totp.generate({timestamp: now}), secondsLeft: 30 - (Math.floor(now / 1000) % 30)};
	};
	const [value, setValue] = useState(compute);
	// biome-ignore lint/correctness/useExhaustiveDependencies: compute depends on secret only
	useEffect(() => {
		if (!secret) return;
		setValue(compute());
		const timer = setInterval(() => setValue(compute()), 1000);
		return () => clearInterval(timer);
	}, [secret]);
	return value;
}
