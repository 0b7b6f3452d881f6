// The build data a project may keep in `dataDir`.

/** File names looked for in `config.dataDir`, in order; the first one found is used. */
export const PAGEVIEW_FILES = ['pageviews.json', 'pageviews.csv'];
