/** The options of the `ferry` command line, as commander parses them. */
export interface FerryFlags {
  directory?: string;
  user?: string;
  profile?: string;
  share?: string;
  downloads?: string;
  listen?: string;
  home?: string;
}
