import { githubFiles } from './github-files.js';
import { gitignoreTemplate } from './gitignore.js';
import { packageJsonTemplate, toolPackage } from './package-json.js';
import { readmeTemplate } from './readme.js';

export interface TemplateFile {
  path: string;
  content: string;
}

/**
 * Every file `steward init` writes besides the folders, config and schemas: the GitHub gate workflow
 * and CODEOWNERS (read from this package), a package.json pinning this tool, a .gitignore and a README
 * with each user's commands. `missing` names a GitHub file this package does not ship.
 */
export async function benchmarkTemplates(options: {
  name: string;
}): Promise<{ files: TemplateFile[]; missing: string[] }> {
  const tool = toolPackage();
  const github = await githubFiles();
  return {
    files: [
      ...github.files,
      { path: 'package.json', content: packageJsonTemplate(options) },
      { path: '.gitignore', content: gitignoreTemplate() },
      {
        path: 'README.md',
        content: readmeTemplate({ name: options.name, toolName: tool.name, toolVersion: tool.version }),
      },
    ],
    missing: github.missing,
  };
}
