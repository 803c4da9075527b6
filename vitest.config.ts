import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
		// Sockets, TLS handshakes and tmux sessions are slower than pure code on a 2-core machine.
		testTimeout: 20_000,
		hookTimeout: 20_000,
		// The interop notice comes last: which real-server tests were skipped, and why.
		reporters: ['default', 'json', './test/helpers/interop/reporter.ts'],
		outputFile: {json: 'test-results.json'},
	},
});
