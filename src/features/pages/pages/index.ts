/** The pages feature's pages on the site: a page's own page (page.php) and the signed-in person's pages (pages.php). */
import { fanPage } from './fan-page.js';
import { yourPagesPage } from './your-pages-page.js';

export const fanPagePages = [fanPage, yourPagesPage];
