import {type Language, localeTag} from './language.js';

/** The forms a counted phrase needs: `one` and `other` cover English and Portuguese. */
export type PluralForms = {one: string; other: string};

const rules = new Map<Language, Intl.PluralRules>();

/**
Picks the form for `count` by the language's plural rules (Intl.PluralRules, CLDR), and
puts the number in place of `#`.

@example
```
plural('en', 2, {one: '# match', other: '# matches'});
//=> '2 matches'
```
*/
export function plural(language: Language, count: number, forms: PluralForms): string {
	let rule = rules.get(language);
	if (!rule) {
		rule = new Intl.PluralRules(localeTag[language]);
		rules.set(language, rule);
	}

	const form = rule.select(count) === 'one' ? forms.one : forms.other;
	return form.replaceAll('#', String(count));
}
