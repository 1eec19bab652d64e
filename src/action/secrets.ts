/** Env var names whose values are masked in the log: tokens, secrets, keys, passwords, peppers. */
const SECRET_NAME = /TOKEN|SECRET|PASSWORD|PASSWD|PEPPER|(?:^|_)KEY$|PRIVATE_KEY|API_KEY/i;

/** Values shorter than this are not masked: masking "1" or "yes" would garble the whole log. */
const MIN_MASKED_LENGTH = 4;

/**
 * The values to register with `core.setSecret`: the token plus every secret-looking env var.
 * Multi-line values (PEM keys) are masked line by line too, because the runner masks per line.
 */
export function secretValues(env: Record<string, string | undefined>, token: string | undefined): string[] {
  const values = new Set<string>();
  const add = (value: string | undefined) => {
    if (!value || value.trim().length < MIN_MASKED_LENGTH) return;
    values.add(value);
    if (value.includes('\n')) {
      for (const line of value.split(/\r?\n/))
        if (line.trim().length >= MIN_MASKED_LENGTH) values.add(line.trim());
    }
  };
  add(token);
  for (const [name, value] of Object.entries(env)) if (SECRET_NAME.test(name)) add(value);
  return [...values];
}
