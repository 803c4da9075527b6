import {App, type AppProps} from '../../source/ui/app.js';
import {ThemeProvider} from '../../source/ui/theme.js';
import {renderAt} from './ink.js';

/** The explorer's screen, as the tests draw it: the App in its theme (no colour unless asked), at the App's own width. */
export function renderApp(props: AppProps, options: {color?: boolean} = {}) {
	return renderAt(
		<ThemeProvider theme={{color: options.color ?? false}}>
			<App {...props} />
		</ThemeProvider>,
		props.width,
	);
}
