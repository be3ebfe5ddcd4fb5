import { describe, expect, it } from 'vitest';
import { colorEnabled } from './color-policy.js';

describe('colorEnabled', () => {
  it('follows the terminal when nothing is set', () => {
    expect(colorEnabled({}, true)).toBe(true);
    expect(colorEnabled({}, false)).toBe(false);
  });

  it('never colours with NO_COLOR, whatever else is set', () => {
    expect(colorEnabled({ NO_COLOR: '1' }, true)).toBe(false);
    expect(colorEnabled({ NO_COLOR: '0', CLICOLOR_FORCE: '1' }, true)).toBe(false);
  });

  it('treats an empty NO_COLOR or CLICOLOR_FORCE as unset', () => {
    expect(colorEnabled({ NO_COLOR: '' }, true)).toBe(true);
    expect(colorEnabled({ CLICOLOR_FORCE: '' }, false)).toBe(false);
  });

  it('always colours with CLICOLOR_FORCE other than 0, also off a terminal and with TERM=dumb', () => {
    expect(colorEnabled({ CLICOLOR_FORCE: '1' }, false)).toBe(true);
    expect(colorEnabled({ CLICOLOR_FORCE: 'yes', TERM: 'dumb' }, false)).toBe(true);
    expect(colorEnabled({ CLICOLOR_FORCE: '0' }, false)).toBe(false);
  });

  it('never colours with CLICOLOR=0 or TERM=dumb', () => {
    expect(colorEnabled({ CLICOLOR: '0' }, true)).toBe(false);
    expect(colorEnabled({ TERM: 'dumb' }, true)).toBe(false);
    expect(colorEnabled({ CLICOLOR: '1', TERM: 'xterm-256color' }, true)).toBe(true);
  });
});
