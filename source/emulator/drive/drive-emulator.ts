import type {Router} from '../http/router.js';

// Placeholder: the Drive side of the emulator (issue 3) registers its routes here.
export interface EmulatorDrive {
	registerRoutes(router: Router): void;
}

export async function createEmulatorDrive(_opts: {
	accounts: unknown;
	dataDir?: string;
	publicUrl: () => string;
}): Promise<EmulatorDrive> {
	return {registerRoutes() {}};
}
