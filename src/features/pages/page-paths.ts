/** Where pages live on the site: a page's own page (also pages.getInfo's `page_url`) and the signed-in person's list of pages. */

export const FAN_PAGE_PATH = '/page.php';
export const YOUR_PAGES_PATH = '/pages.php';

/** A page's own page, path and query: `/page.php?id=400000001`. */
export function pagePath(pageId: number): string {
  return `${FAN_PAGE_PATH}?id=${pageId}`;
}
