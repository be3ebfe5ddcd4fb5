import { describe, expect, it } from 'vitest';
import { extractCommands, ReadmeFormatError } from './extract-commands.js';

describe('extractCommands', () => {
  it('takes every command line of sh and bash blocks, joining continuations and leaving comments out', () => {
    const text = [
      '# Title',
      '',
      '```sh',
      '# a comment line',
      'pnpm aver-bench a.toml',
      '',
      'pnpm aver-bench b.toml \\',
      '  --json',
      '```',
      '',
      '```bash',
      'echo hi # trailing comments stay: the shell drops them',
      '```',
      '',
      '```ts',
      "console.log('not a command');",
      '```',
    ].join('\n');
    expect(extractCommands('R.md', text)).toEqual([
      { command: 'pnpm aver-bench a.toml', line: 5, skip: null, exitCode: 0, sampleOutput: null },
      { command: 'pnpm aver-bench b.toml --json', line: 7, skip: null, exitCode: 0, sampleOutput: null },
      {
        command: 'echo hi # trailing comments stay: the shell drops them',
        line: 12,
        skip: null,
        exitCode: 0,
        sampleOutput: null,
      },
    ]);
  });

  it('reads `$ command` lines of text blocks with the output lines that follow them', () => {
    const text = [
      '```text',
      '$ aver run a.av',
      'one',
      'two',
      '$ aver check a.av',
      '```',
      '```text',
      'no command',
      '```',
    ];
    expect(extractCommands('R.md', text.join('\n'))).toEqual([
      { command: 'aver run a.av', line: 2, skip: null, exitCode: 0, sampleOutput: ['one', 'two'] },
      { command: 'aver check a.av', line: 5, skip: null, exitCode: 0, sampleOutput: [] },
    ]);
  });

  it('applies the skip and exit markers on the lines right before a block', () => {
    const text = [
      '<!-- readme-test: skip installs from the registry -->',
      '```sh',
      'npm install x',
      '```',
      '<!-- readme-test: exit 2 -->',
      '<!-- readme-test: skip slow -->',
      '```sh',
      'aver-bench --bogus',
      '```',
    ];
    expect(extractCommands('R.md', text.join('\n'))).toEqual([
      {
        command: 'npm install x',
        line: 3,
        skip: 'installs from the registry',
        exitCode: 0,
        sampleOutput: null,
      },
      { command: 'aver-bench --bogus', line: 8, skip: 'slow', exitCode: 2, sampleOutput: null },
    ]);
  });

  it('rejects an unknown marker and an unclosed block, naming the file and line', () => {
    expect(() => extractCommands('R.md', '<!-- readme-test: later -->\n```sh\nx\n```')).toThrow(
      new ReadmeFormatError(
        'R.md',
        1,
        "unknown readme-test marker 'later'; expected 'skip REASON' or 'exit N'",
      ),
    );
    expect(() => extractCommands('R.md', 'text\n```sh\nx\n')).toThrow(
      'R.md:2: the ``` block is never closed',
    );
  });
});
