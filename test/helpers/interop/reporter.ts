import type {Reporter} from 'vitest/node';
import {installCommand, interopTiers, missingPackages} from './packages.js';

/**
Prints, as the run's last lines, which interop tests were skipped for want of which
Debian package, and the command that installs them. Silent when everything is there.
*/
export default class InteropNotice implements Reporter {
	onTestRunEnd(): void {
		const skipped = Object.entries(interopTiers)
			.map(([file, packages]) => ({file, missing: missingPackages(...packages)}))
			.filter(entry => entry.missing.length > 0);
		if (skipped.length === 0) return;
		const all = [...new Set(skipped.flatMap(entry => entry.missing))];
		const lines = [
			'',
			`Interop tier SKIPPED in part: ${skipped.length} test file${skipped.length === 1 ? ' needs' : 's need'} Debian packages that are not installed.`,
			...skipped.map(entry => `  ${entry.file}: missing ${entry.missing.join(', ')}`),
			`  Install them (as root): ${installCommand(all)}`,
			'  .ci/run installs them, so CI always runs the whole tier.',
		];
		process.stdout.write(`${lines.join('\n')}\n`);
	}
}
