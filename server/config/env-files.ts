import { readFileSync } from 'node:fs';

/** Variables that may also be read from a file named by `<NAME>_FILE`, as Docker and Kubernetes secrets are mounted. */
export const SecretVariables = ['FACILITATOR_TOKEN'] as const;

/**
 * Copy the environment with each `<SECRET>_FILE` replaced by the file's content under `<SECRET>`.
 * Returns the problems found (both forms set, file unreadable or empty) instead of throwing, so
 * they are reported together with the other invalid variables.
 */
export function resolveSecretFiles(env: NodeJS.ProcessEnv): { env: NodeJS.ProcessEnv; problems: string[] } {
  const resolved: NodeJS.ProcessEnv = { ...env };
  const problems: string[] = [];
  for (const name of SecretVariables) {
    const fileVariable = `${name}_FILE`;
    const file = env[fileVariable];
    if (file === undefined) continue;
    delete resolved[fileVariable];
    if (env[name] !== undefined) {
      problems.push(`${name} and ${fileVariable} are both set. Set only one of them.`);
      continue;
    }
    let content: string;
    try {
      content = readFileSync(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'read error';
      problems.push(`${fileVariable}="${file}" could not be read (${code}). Point it at a readable file.`);
      continue;
    }
    // Secret files usually end with a newline that is not part of the secret.
    const value = content.replace(/\r?\n$/, '');
    if (value === '') {
      problems.push(`${fileVariable}="${file}" is empty. Write the secret into the file.`);
      continue;
    }
    resolved[name] = value;
  }
  return { env: resolved, problems };
}
