import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The web app is also read right to left (Arabic): its styles say "start" and "end", never "left"
 * and "right" (margin-inline-start, inset-inline-end, text-align: start…), so the layout mirrors
 * by itself under `<html dir="rtl">` (docs/i18n.md, Arabic and right to left). This check fails on
 * a physical property in the web styles: .scss/.css files, the inline `styles` and templates of
 * components (`[style.left.px]`…). A `translateX` is accepted in a file that mirrors it under
 * `[dir='rtl']` (or `:host-context([dir='rtl'])`). What must stay physical goes in ALLOWED, with why.
 */
const ALLOWED: { file: string; text: string; why: string }[] = [
  // { file: 'libs/web/…/x.scss', text: 'left: 0', why: '…' },
];

const ROOT = join(__dirname, '../../../../../..');

/** Physical, with its logical replacement. */
const CSS_RULES: { pattern: RegExp; instead: string }[] = [
  {
    pattern: /\b(margin|padding|border|inset|scroll-margin|scroll-padding)-(left|right)\b/,
    instead: '<property>-inline-start / -inline-end',
  },
  { pattern: /(^|[\s;{])(left|right)\s*:/, instead: 'inset-inline-start / inset-inline-end' },
  { pattern: /\b(text-align|float|clear)\s*:\s*(left|right)\b/, instead: 'start / end (float: inline-start)' },
  { pattern: /\bborder-(top|bottom)-(left|right)-radius\b/, instead: 'border-start-start-radius…' },
  { pattern: /\btranslateX\(|\btranslate3?d?\(\s*-?[\d.]+[a-z%]*\s*,/, instead: 'a mirror under [dir=rtl]' },
];

/** Template bindings that place things physically. */
const TEMPLATE_RULES: { pattern: RegExp; instead: string }[] = [
  {
    pattern: /\[style\.(left|right|(margin|padding|border)-(left|right))[.\]]/,
    instead: '[style.inset-inline-start.px]…',
  },
  { pattern: /\bstyle="[^"]*(^|[\s;])(left|right|(margin|padding)-(left|right))\s*:/, instead: 'logical properties' },
];

/** `margin: 1px 2px 3px 4px` with different right and left values. */
const ASYMMETRIC_SHORTHAND =
  /\b(margin|padding|inset|scroll-margin|scroll-padding)\s*:\s*([^\s;{}]+)\s+([^\s;{}]+)\s+([^\s;{}]+)\s+([^\s;{}]+)\s*(;|\}|$)/;

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(ROOT, path)).isDirectory()) return name === 'dictionaries' ? [] : sources(path);
    return /\.(ts|html|scss|css)$/.test(name) && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The style text and the template text of a source file. */
function partsOf(path: string, text: string): { css: string; template: string } {
  if (/\.(scss|css)$/.test(path)) return { css: text, template: '' };
  if (path.endsWith('.html')) return { css: '', template: text };
  const css = [...text.matchAll(/\bstyles\s*:\s*\[?\s*`([^`]*)`/g)].map((m) => m[1]).join('\n');
  const template = [...text.matchAll(/\btemplate\s*:\s*`([^`]*)`/g)].map((m) => m[1]).join('\n');
  return { css, template };
}

/** Every physical left/right in a file: "path:line: text (use …)". */
function physicalIn(path: string, text: string): string[] {
  const { css, template } = partsOf(path, text);
  const mirrored = /\[dir=['"]?rtl['"]?\]/.test(css);
  const found: string[] = [];
  const check = (body: string, rules: { pattern: RegExp; instead: string }[], isCss: boolean) => {
    body.split('\n').forEach((line, i) => {
      const code = line.replace(/\/\*.*?\*\/|\/\/.*$/g, '');
      for (const { pattern, instead } of rules) {
        if (!pattern.test(code)) continue;
        if (isCss && mirrored && instead.includes('mirror')) continue;
        if (ALLOWED.some((a) => a.file === path && code.includes(a.text))) continue;
        found.push(`${path}:${i + 1}: ${code.trim()} (use ${instead})`);
      }
      const shorthand = isCss ? ASYMMETRIC_SHORTHAND.exec(code) : null;
      if (
        shorthand &&
        shorthand[3] !== shorthand[5] &&
        !ALLOWED.some((a) => a.file === path && code.includes(a.text))
      ) {
        found.push(`${path}:${i + 1}: ${code.trim()} (right ≠ left: use ${shorthand[1]}-block and -inline-start/-end)`);
      }
    });
  };
  check(css, CSS_RULES, true);
  check(template, TEMPLATE_RULES, false);
  return found;
}

describe('logical CSS (right-to-left pages mirror by themselves)', () => {
  const files = [...sources('libs/web'), ...sources('apps/web/src')].filter((path) => path.includes('/src/'));

  it('finds the web styles', () => {
    expect(files.filter((path) => path.endsWith('.scss')).length).toBeGreaterThan(20);
  });

  it('has no physical left/right property in the web styles and templates', () => {
    const found = files.flatMap((path) => physicalIn(path, readFileSync(join(ROOT, path), 'utf8')));
    expect(found).toEqual([]);
  });

  it('catches each physical form (the check itself)', () => {
    const scss = [
      '.a { margin-left: 1rem; }',
      '.b {\n  right: 0;\n}',
      '.c { text-align: left; }',
      '.d { border-top-right-radius: 4px; }',
      '.e { margin: 0 1rem 0 2rem; }',
      '.f { transform: translateX(-100%); }',
    ];
    for (const css of scss) expect(physicalIn('x.scss', css)).toHaveLength(1);
    expect(physicalIn('x.html', '<span [style.left.px]="x"></span>')).toHaveLength(1);
    expect(physicalIn('x.ts', 'styles: `.a { padding-right: 2px }`')).toHaveLength(1);

    const logical = [
      '.a { margin-inline-start: 1rem; }',
      '.b { inset-inline-end: 0; }',
      '.c { text-align: start; }',
      '.e { margin: 0 1rem 0 1rem; }',
      ".f { transform: translateX(-100%); }\n[dir='rtl'] .f { transform: translateX(100%); }",
      '.g { padding: 0 0 0.5rem; }',
    ];
    for (const css of logical) expect(physicalIn('x.scss', css)).toEqual([]);
    expect(physicalIn('x.html', '<span [style.inset-inline-start.px]="x"></span>')).toEqual([]);
    // TypeScript code (not styles) may say left: a layout's numbers
    expect(physicalIn('x.ts', 'const p = { left: 1 };')).toEqual([]);
  });
});
