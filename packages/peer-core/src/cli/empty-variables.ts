/** Setting variables that count as unset when empty (`FERRY_USER=`). */
const SETTING_VARIABLES = ['FERRY_DIRECTORY', 'FERRY_USER'] as const;

/**
 * Removes the setting variables that are set but empty, so neither the
 * flags' `.env()` nor the settings see an empty username or directory and
 * the saved profile (or the default) applies, as if they were not set.
 */
export function unsetEmptySettingVariables(env: NodeJS.ProcessEnv): void {
  for (const name of SETTING_VARIABLES) {
    if (env[name] === '') delete env[name];
  }
}
