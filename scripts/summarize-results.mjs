// Prints "N passed, N failed" from a vitest JSON report; a missing report (the
// type-check or the build failed before any test ran) counts as one failure.
import {readFileSync} from 'node:fs';

const file = process.argv[2] ?? 'test-results.json';
let report;
try {
	report = JSON.parse(readFileSync(file, 'utf8'));
} catch {
	console.log('0 passed, 1 failed');
	process.exit(1);
}

const passed = report.numPassedTests ?? 0;
// Suites that fail to load have no test rows; count each as a failure so they are seen.
const failedSuites = (report.testResults ?? []).filter(
	suite => suite.status === 'failed' && (suite.assertionResults ?? []).length === 0,
).length;
const failed = (report.numFailedTests ?? 0) + failedSuites;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
