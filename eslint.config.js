// ESLint, flat config: typescript-eslint's recommended rules and React's rules of hooks.
// Run by `npm test` (npm run lint); the type checker (tsc) does the rest.
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/results/**']},
	...tseslint.configs.recommended,
	{
		// Unused names are already an error in tsc (noUnusedLocals, noUnusedParameters).
		rules: {'@typescript-eslint/no-unused-vars': 'off'},
	},
	{
		// React lives only in the UI and the commands that mount it; elsewhere use* names are
		// test fixtures (useFakeSessions), not hooks.
		files: ['source/**/*.tsx', 'source/ui/**/*.ts', 'test/ui/**/*.tsx', 'bench/**/*.tsx'],
		plugins: {'react-hooks': reactHooks},
		rules: {
			'react-hooks/rules-of-hooks': 'error',
			'react-hooks/exhaustive-deps': 'error',
		},
	},
);
